import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
import GridMapJSON
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// Planners' edits over real HTTP on loopback, on 大港头镇: preview, commit with ETags, history,
/// as-of answers, refusals, roles, and resolves running while commits swap the index.
@Suite struct EditsAPITests {
    let store: SpatiaLiteStore
    let layout: TownLayout
    let village: String
    let grid: String
    /// The grid grown by about 200 m into its neighbours, inside its village.
    let grown: MultiPolygon

    init() throws {
        store = try Fixtures.store(with: ["dagangtou"])
        let layout = try store.townLayout(of: .grid, try store.currentBoundaries(.grid)[0].unit.code)
        let village = layout.villages.keys.sorted().first { layout.gridCodes(inVillage: $0).count >= 4 }!
        let grid = layout.gridCodes(inVillage: village)[0]
        let geos = GEOSContext()
        grown = try geos.geometry(layout.grids[grid]!.geometry).buffer(0.002)
            .intersection(try geos.geometry(layout.villages[village]!.geometry)).polygons()
        (self.layout, self.village, self.grid) = (layout, village, grid)
    }

    func withServer(role: AccessRole? = .planner, _ body: @Sendable (LiveServer.Call<String>) async throws -> Void) async throws {
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), role: role, bytes: { ByteBuffer(string: $0) }, body)
    }

    func redraw(_ geometry: MultiPolygon, reason: String? = "households moved") -> String {
        var json = JSONWriter()
        json.multiPolygonGeometry(geometry, decimals: nil)
        return "{\"op\":\"redraw_grid\",\"grid\":\"\(grid)\",\"geometry\":\(String(buffer: json.buffer))"
            + (reason.map { ",\"reason\":\"\($0)\"" } ?? "") + "}"
    }

    /// A point of each neighbour the grown grid takes area from, with that neighbour's code.
    func takenPoints() throws -> [(point: Coordinate, from: String)] {
        let geos = GEOSContext()
        let taken = try geos.geometry(grown).difference(try geos.geometry(layout.grids[grid]!.geometry))
        return try layout.gridCodes(inVillage: village).filter { $0 != grid }.compactMap { code in
            let piece = try taken.intersection(try geos.geometry(layout.grids[code]!.geometry).buffer(-1e-5))
            return piece.isEmpty ? nil : piece.pointOnSurface().map { ($0, code) }
        }
    }

    /// Sends a request with headers; answers status, headers and JSON body.
    func send(_ call: LiveServer.Call<String>, _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil,
              headers: HTTPFields = [:]) async throws -> (HTTPResponse.Status, HTTPFields, JSONValue) {
        var all = LiveServer.Call<String>.authorization(call.token)
        all.append(contentsOf: headers)
        return try await call.client.execute(uri: uri, method: method, headers: all, body: body.map { ByteBuffer(string: $0) }) {
            ($0.status, $0.headers, try JSONValue.parse(Data(buffer: $0.body)))
        }
    }

    @Test func previewThenCommitWithETagsHistoryAndAsOf() async throws {
        let before = Instant.now()
        let taken = try #require(try takenPoints().first)
        try await withServer { call in
            let (okay, headers, feature) = try await send(call, .get, "/v1/grids/\(grid)")
            #expect(okay == .ok && feature["properties"]?["village_code"]?.string == village)
            let etag = try #require(headers[.eTag])
            #expect(etag == "\"\(feature["properties"]?["version"]?.string ?? "")\"")

            let (previewed, preview) = try await call(.post, "/v1/edits/preview", redraw(grown))
            #expect(previewed == .ok && preview["valid"] == .bool(true))
            let changes = try #require(preview["changes"]?.array)
            #expect(changes.contains { $0["code"]?.string == grid && $0["kind"]?.string == "reshaped" && $0["after"]?["type"]?.string == "MultiPolygon" })
            #expect(changes.contains { $0["code"]?.string == taken.from })
            #expect(try store.boundaryHistory(.grid, grid).count == 1)

            let (created, _, commit) = try await send(call, .post, "/v1/edits", redraw(grown), headers: [.ifMatch: etag])
            #expect(created == .created)
            let newTag = try #require(commit["versions"]?[grid]?.string)
            let (stale, _, refusal) = try await send(call, .post, "/v1/edits", redraw(layout.grids[grid]!.geometry), headers: [.ifMatch: etag])
            #expect(stale == .preconditionFailed && refusal["error"]?.string == "stale_version")
            let (_, current, _) = try await send(call, .get, "/v1/grids/\(grid)")
            #expect(current[.eTag] == "\"\(newTag)\"")

            // The served index switched at the commit: the taken point resolves to the grid now, and
            // to its old grid as of before.
            let (_, now) = try await call(.get, "/v1/resolve?lon=\(taken.point.x)&lat=\(taken.point.y)", nil)
            #expect(now["grid"]?["code"]?.string == grid)
            let (_, then) = try await call(.get, "/v1/resolve?lon=\(taken.point.x)&lat=\(taken.point.y)&as_of=\(before)", nil)
            #expect(then["grid"]?["code"]?.string == taken.from)
            let (_, layerThen) = try await call(.get, "/v1/layers/grids?village=\(village)&as_of=\(before)", nil)
            let (_, layerNow) = try await call(.get, "/v1/layers/grids?village=\(village)", nil)
            let (_, versionThen) = try await call(.get, "/v1/grids/\(grid)?asOf=\(before)", nil)  // the former spelling, accepted for one release
            let oldGeometry = layerThen["features"]?.array?.first { $0["id"]?.string == grid }?["geometry"]
            let newGeometry = layerNow["features"]?.array?.first { $0["id"]?.string == grid }?["geometry"]
            #expect(oldGeometry != nil && oldGeometry == versionThen["geometry"] && oldGeometry != newGeometry)
            #expect(versionThen["properties"]?["version"]?.string == String(etag.dropFirst().dropLast()))

            let (_, history) = try await call(.get, "/v1/grids/\(grid)/history", nil)
            let versions = try #require(history["features"]?.array)
            #expect(versions.count == 2)
            #expect(versions[1]["properties"]?["change"]?["reason"]?.string == "households moved")
            #expect(versions[1]["properties"]?["change"]?["author"]?.string == PersonalMask.name("test planner"),
                    "a planner may not see personal data: the author is masked")
            #expect(versions[0]["properties"]?["valid_to"] == versions[1]["properties"]?["valid_from"])
        }
    }

    @Test func scopedPlannersChangeOnlyTheirOwnUnitsAndSeeNoNames() async throws {
        let token = { (scope: AccessScope) in try store.createToken(name: "planner \(scope.label)", role: .planner, scope: scope, by: .test).token }
        let otherVillage = try #require(layout.villages.keys.sorted().first { $0 != village })
        let outside = [try token(.village(otherVillage)), try token(.town("331102199000"))]
        let own = try token(.village(village))
        let admin = try store.createToken(name: "admin", role: .admin, by: .test).token
        let geos = GEOSContext()
        let grownVillage = try geos.geometry(layout.villages[village]!.geometry).buffer(0.002)
            .intersection(try geos.geometry(layout.town.geometry)).polygons()
        var json = JSONWriter()
        json.multiPolygonGeometry(grownVillage, decimals: nil)
        let redrawVillage = #"{"op":"redraw_village","village":"\#(village)","reason":"并村","geometry":\#(String(buffer: json.buffer))}"#
        let neighbour = try #require(try takenPoints().first?.from)
        let merge = #"{"op":"merge_grids","grids":["\#(grid)","\#(neighbour)"],"reason":"合并"}"#
        let stored = try peopleNames(inGrid: neighbour)
        let before = try storedBoundaries()
        try await withServer { call in
            for token in outside {
                for uri in ["/v1/edits/preview", "/v1/edits"] {
                    let (status, body) = try await call(.post, uri, redraw(grown), token: token)
                    #expect(status == .forbidden && body["error"]?.string == "out_of_scope", "\(uri): \(body)")
                }
            }
            // The village's own border is shared with its neighbours: not a village planner's to move.
            let (refused, refusal) = try await call(.post, "/v1/edits", redrawVillage, token: own)
            #expect(refused == .forbidden && refusal["error"]?.string == "out_of_scope")
            #expect(try storedBoundaries() == before, "nothing stored by a refused edit")

            // Names of the people a merge would move: masked for planners, in full for the admin.
            let (_, masked) = try await call(.post, "/v1/edits/preview", merge, token: own)
            let (_, full) = try await call(.post, "/v1/edits/preview", merge, token: admin)
            let names = { (answer: JSONValue) in answer["people"]?.array?.compactMap { $0["name"]?.string } ?? [] }
            #expect(!stored.isEmpty && names(full) == stored)
            #expect(names(masked) == stored.map(PersonalMask.name))

            let (created, commit) = try await call(.post, "/v1/edits", redraw(grown), token: own)
            #expect(created == .created && commit["versions"]?[grid] != nil, "a village's planner redraws its own grids")
        }
    }

    /// The names of a grid's people, by SQL.
    func peopleNames(inGrid grid: String) throws -> [String] {
        try store.pool.read { try String.fetchAll($0, sql: "SELECT name FROM people WHERE grid_code = ? ORDER BY id", arguments: [grid]) }
    }

    /// Boundary versions, change rows and the revision, by SQL.
    func storedBoundaries() throws -> [Int] {
        try store.pool.read { db in
            try ["SELECT value FROM meta WHERE key = 'boundary_revision'", "SELECT count(*) FROM grid_boundaries",
                 "SELECT count(*) FROM village_boundaries", "SELECT max(id) FROM grid_boundaries", "SELECT count(*) FROM boundary_changes",
                 "SELECT count(*) FROM grid_boundaries WHERE valid_to IS NULL"].map { try Int.fetchOne(db, sql: $0) ?? -1 }
        }
    }

    @Test func aRedrawToTheSameGeometryAnswers200UnchangedAndStoresNothing() async throws {
        let before = try storedBoundaries()
        try await withServer { call in
            let (previewed, preview) = try await call(.post, "/v1/edits/preview", redraw(layout.grids[grid]!.geometry))
            #expect(previewed == .ok && preview["valid"] == .bool(true) && preview["changed"] == .bool(false))
            #expect(preview["changes"]?.array?.isEmpty == true)
            let (status, commit) = try await call(.post, "/v1/edits", redraw(layout.grids[grid]!.geometry))
            #expect(status == .ok && commit["changed"] == .bool(false) && commit["change_id"] == .null)
            #expect(commit["versions"]?.object?.isEmpty == true)
            #expect(try storedBoundaries() == before)
            let (created, real) = try await call(.post, "/v1/edits", redraw(grown))
            #expect(created == .created && real["changed"] == .bool(true) && real["change_id"]?.number != nil)
        }
        #expect(try storedBoundaries()[0] == before[0] + 1)
    }

    @Test func refusalsNameTheProblemAndStoreNothing() async throws {
        let box = layout.grids[grid]!.geometry.boundingBox!
        let bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[\(box.minX),\(box.minY)],[\(box.maxX),\(box.maxY)],[\(box.maxX),\(box.minY)],[\(box.minX),\(box.maxY)],[\(box.minX),\(box.minY)]]]}"
        try await withServer { call in
            let (invalid, body) = try await call(.post, "/v1/edits", "{\"op\":\"redraw_grid\",\"grid\":\"\(grid)\",\"geometry\":\(bowTie),\"reason\":\"x\"}")
            #expect(invalid == .unprocessableContent && body["error"]?.string == "invalid_edit")
            let problem = try #require(body["problems"]?.array?.first)
            #expect(problem["code"]?.string == "invalid_geometry" && problem["geometry"]?["type"]?.string == "MultiPolygon")
            #expect(try await call(.post, "/v1/edits", redraw(grown, reason: nil)).0 == .badRequest)
            #expect(try await call(.post, "/v1/edits", "{\"op\":\"redraw_grid\",\"grid\":\"0\",\"geometry\":\(bowTie),\"reason\":\"x\"}").0 == .notFound)
            #expect(try await call(.post, "/v1/edits", "{\"op\":\"explode\"}").0 == .badRequest)
            #expect(try await call(.post, "/v1/edits", "{not json").0 == .badRequest)
            let swapped = "{\"type\":\"Polygon\",\"coordinates\":[[[28.3,119.7],[28.31,119.7],[28.31,119.71],[28.3,119.7]]]}"
            let (bad, detail) = try await call(.post, "/v1/edits/preview", "{\"op\":\"redraw_grid\",\"grid\":\"\(grid)\",\"geometry\":\(swapped)}")
            #expect(bad == .badRequest && detail["detail"]?.string?.contains("swapped") == true)
            // Work and text bounded before any geometry is computed.
            let wiggle = (0...20_001).map { i in "[\(box.minX + Double(i) * 1e-7),\(box.minY + Double(i % 2) * 1e-4)]" }.joined(separator: ",")
            let (long, longBody) = try await call(.post, "/v1/edits/preview",
                "{\"op\":\"split_grid\",\"grid\":\"\(grid)\",\"line\":{\"type\":\"LineString\",\"coordinates\":[\(wiggle)]}}")
            #expect(long == .badRequest && longBody["error"]?.string == "too_many_vertices")
            for name in [String(repeating: "网", count: 65), "一\\n二"] {
                let (refused, refusal) = try await call(.post, "/v1/edits/preview",
                    "{\"op\":\"merge_grids\",\"grids\":[\"\(grid)\",\"\(grid)\"],\"name\":\"\(name)\"}")
                #expect(refused == .badRequest && refusal["error"]?.string == "invalid_field", "\(refusal.text)")
            }
            #expect(try await call(.post, "/v1/edits", redraw(grown), token: nil).0 == .unauthorized)
        }
        try await withServer(role: .dispatcher) { call in
            let commit = try await call(.post, "/v1/edits", redraw(grown)).0
            let preview = try await call(.post, "/v1/edits/preview", redraw(grown)).0
            #expect(commit == .forbidden && preview == .forbidden)
        }
        #expect(try store.boundaryHistory(.grid, grid).count == 1)
    }

    /// Every answer of a bulk resolve of points in the changed area, taken in a loop while four commits
    /// swap the index, must be the whole answer of one committed state (recorded after each
    /// commit), never a mix of two.
    @Test func resolvesDuringCommitsNeverSeeAHalfState() async throws {
        let points = try takenPoints()
        #expect(points.count >= 2)
        let body = "{\"points\":[" + points.map { "[\($0.point.x),\($0.point.y)]" }.joined(separator: ",") + "]}"
        try await withServer { call in
            @Sendable func resolve() async throws -> [String] {
                let (status, answer) = try await call(.post, "/v1/resolve", body)
                #expect(status == .ok)
                return answer["results"]?.array?.map { $0["grid"]?["code"]?.string ?? "-" } ?? []
            }
            let initial = try await resolve()
            #expect(initial == points.map(\.from))
            let committing = Flag()
            try await withThrowingTaskGroup(of: (seen: [[String]], states: [[String]]).self) { group in
                group.addTask {
                    var seen: [[String]] = []
                    while committing.value.load(ordering: .acquiring) { seen.append(try await resolve()) }
                    return (seen, [])
                }
                group.addTask {
                    var states = [initial]
                    for i in 0..<4 {
                        let geometry = i % 2 == 0 ? grown : layout.grids[grid]!.geometry
                        let status = try await call(.post, "/v1/edits", redraw(geometry)).0
                        #expect(status == .created)
                        states.append(try await resolve())
                    }
                    committing.value.store(false, ordering: .releasing)
                    return ([], states)
                }
                var seen: [[String]] = [], states: [[String]] = []
                for try await result in group { seen += result.seen; states += result.states }
                #expect(states.count == 5)
                #expect(Set(seen).count >= 2, "the resolves ran across a commit")
                #expect(states[1] == Array(repeating: grid, count: points.count))
                #expect(seen.allSatisfy(states.contains), "\(Set(seen.map { $0.joined(separator: ",") }))")
            }
        }
    }
}

/// A flag shared between tasks.
private final class Flag: Sendable {
    let value = Atomic(true)
}
