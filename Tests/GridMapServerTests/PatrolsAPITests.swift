import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Patrol uploads and coverage over real HTTP on loopback, on 大港头镇.
@Suite struct PatrolsAPITests {
    let store: SpatiaLiteStore
    static let garminGPX = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GridMapCoreTests/Fixtures/garmin-etrex.gpx")
    static let day = "from=2026-03-02&to=2026-03-03"

    init() throws { store = try Fixtures.store(with: ["dagangtou"]) }

    func withServer(_ body: @Sendable (LiveServer.Call<Data>) async throws -> Void) async throws {
        try await LiveServer.run(store, bytes: { ByteBuffer(bytes: $0) }, body)
    }

    func storedFixes() throws -> Int { try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM patrol_fixes")! } }

    @Test func aDeviceGPXIsStoredAndItsGridsShowVisits() async throws {
        let gpx = try Data(contentsOf: Self.garminGPX)
        let expected = try PatrolFile.parse(gpx, format: .gpx, options: PatrolParseOptions(member: "13900002342"))
        try await withServer { call in
            let (status, body) = try await call(.post, "/v1/patrols?member=13900002342&max_gap_min=20", gpx)
            #expect(status == .created)
            #expect(body["format"]?.string == "gpx" && body["fixes"]?.number == Double(expected.count))
            #expect(body["days"] == .array([.string("2026-03-02")]))
            #expect(body["cleaning"]?["settings"]?["max_gap_min"]?.number == 20)
            #expect(body["cleaning"]?["received"]?.number == Double(expected.count))

            let (okay, coverage) = try await call(.get, "/v1/coverage?\(Self.day)&town=331102102000", nil)
            #expect(okay == .ok)
            let features = try #require(coverage["features"]?.array)
            #expect(try features.count == store.snapshot().grids.count)
            // Every grid the fixes fall in (by the index) was visited and names the member; no other grid was.
            let resolver = Resolver(try store.snapshot())
            let visitedByIndex = Set(expected.compactMap { resolver.resolve($0.wgs84).grid?.code })
            let visited = features.filter { ($0["properties"]?["visits"]?.number ?? 0) > 0 }
            #expect(Set(visited.compactMap { $0["id"]?.string }) == visitedByIndex)
            for feature in visited {
                #expect(feature["properties"]?["members"] == .array([.string("13900002342")]))
                #expect((feature["properties"]?["covered_pct"]?.number ?? 0) > 0)
                #expect(feature["properties"]?["compliant"] == .bool(true))
                #expect(feature["properties"]?["last_visit"]?.string?.hasPrefix("2026-03-02T") == true)
            }
        }
    }

    @Test func aScopedDispatcherUploadsOnlyItsOwnMembersPatrols() async throws {
        let gpx = try Data(contentsOf: Self.garminGPX)
        let snapshot = try store.snapshot()
        let member = try #require(snapshot.people.first { $0.role == .gridMember })
        let village = try #require(snapshot.grids.first { $0.unit.code == member.unitCode }?.unit.parentCode)
        let otherVillage = try #require(snapshot.villages.map(\.unit.code).first { $0 != village })
        let token = { (scope: AccessScope) in try store.createToken(name: "dispatcher \(scope.label)", role: .dispatcher, scope: scope, by: .test).token }
        let outside = try token(.village(otherVillage)), inside = try token(.village(village))
        try await withServer { call in
            for (who, uri) in [(outside, "/v1/patrols?member=\(member.phone)"), (inside, "/v1/patrols?member=staff-17")] {
                let (status, body) = try await call(.post, uri, gpx, token: who)
                #expect(status == .forbidden && body["error"]?.string == "out_of_scope", "\(uri): \(body)")
            }
            #expect(try storedFixes() == 0, "nothing stored by a refused upload")
            let (created, _) = try await call(.post, "/v1/patrols?member=\(member.phone)", gpx, token: inside)
            let fixes = try storedFixes()
            #expect(created == .created && fixes > 0)
        }
    }

    @Test func blindSpotsAreValidAndCompleteTheCoveredArea() async throws {
        let gpx = try Data(contentsOf: Self.garminGPX)
        try await withServer { call in
            _ = try await call(.post, "/v1/patrols?member=m1", gpx)
            let (_, coverage) = try await call(.get, "/v1/coverage?\(Self.day)", nil)
            let covered = try #require(coverage["features"]?.array).filter { ($0["properties"]?["covered_m2"]?.number ?? 0) > 0 }
            #expect(!covered.isEmpty)
            let grid = try #require(covered.first?["id"]?.string)
            let (status, gaps) = try await call(.get, "/v1/coverage/gaps?\(Self.day)&grid=\(grid)", nil)
            #expect(status == .ok)
            let spots = try #require(gaps["features"]?.array)
            #expect(!spots.isEmpty)
            let gapArea = spots.reduce(0) { $0 + ($1["properties"]?["area_m2"]?.number ?? 0) }
            let properties = try #require(covered.first?["properties"])
            let area = try #require(properties["area_m2"]?.number), coveredArea = try #require(properties["covered_m2"]?.number)
            #expect(abs(gapArea + coveredArea - area) < max(1, area * 1e-6), "\(gapArea) + \(coveredArea) vs \(area)")
            // Valid by SpatiaLite, and inside the grid.
            try await store.pool.read { db in
                for spot in spots {
                    let geometry = try #require(spot["geometry"]).text
                    let valid = try Int.fetchOne(db, sql: """
                        SELECT ST_IsValid(GeomFromGeoJSON(?)) AND ST_Covers(ST_Buffer(b.geometry, 1e-6), SetSRID(GeomFromGeoJSON(?), 4326))
                        FROM grid_boundaries b WHERE b.code = ? AND b.valid_to IS NULL
                        """, arguments: [geometry, geometry, grid])
                    #expect(valid == 1, "\(spot["id"]?.string ?? "")")
                }
            }
        }
    }

    @Test func malformedOrSwappedUploadsStoreNothing() async throws {
        try await withServer { call in
            let truncated = Data(try Data(contentsOf: Self.garminGPX).prefix(2500))
            let (status, body) = try await call(.post, "/v1/patrols?member=m1", truncated)
            #expect(status == .badRequest && body["error"]?.string == "malformed_gpx")
            #expect(body["detail"]?.string?.contains("line") == true)

            let swapped = Data("member,time,lon,lat\nm1,2026-03-02T08:00:00+08:00,28.27,119.72\n".utf8)
            let (swappedStatus, swappedBody) = try await call(.post, "/v1/patrols?format=csv", swapped)
            #expect(swappedStatus == .badRequest && swappedBody["error"]?.string == "lat_lon_swapped", "the code /v1/resolve answers")
            #expect(swappedBody["detail"]?.string?.contains("swapped") == true)

            let noMember = try Data(contentsOf: Self.garminGPX)
            let (missingStatus, missingBody) = try await call(.post, "/v1/patrols", noMember)
            #expect(missingStatus == .badRequest && missingBody["error"]?.string == "missing_member")

            let (radiusStatus, radiusBody) = try await call(.get, "/v1/coverage?\(Self.day)&radius=0", nil)
            #expect(radiusStatus == .badRequest && radiusBody["detail"]?.string?.contains("radius") == true)
            let (unknownStatus, unknownBody) = try await call(.get, "/v1/coverage?\(Self.day)&village=331102102999", nil)
            #expect(unknownStatus == .notFound && unknownBody["error"]?.string == "unknown_village")
            let (orderStatus, _) = try await call(.get, "/v1/coverage?from=2026-03-03&to=2026-03-02", nil)
            #expect(orderStatus == .badRequest)
        }
        #expect(try storedFixes() == 0)
    }

    @Test func theAnswerSaysWhichEncodingTheFileWasReadIn() async throws {
        let header = Array("member,time,lon,lat\n".utf8)
        let row: [UInt8] = [0xD0, 0xEC, 0xBE, 0xB2] + Array(",2026-03-02 08:58:11,119.72,28.27\n".utf8)  // 徐静, Beijing time
        try await withServer { call in
            let (status, body) = try await call(.post, "/v1/patrols?format=csv", Data(header + row))
            #expect(status == .created && body["encoding"]?.string == "gb18030", "\(body)")
            let (utf8Status, utf8Body) = try await call(.post, "/v1/patrols?format=csv", Data("member,time,lon,lat\n徐静,2026-03-02 09:00:00,119.72,28.27\n".utf8))
            #expect(utf8Status == .created && utf8Body["encoding"]?.string == "utf8")
            let (gpxStatus, gpxBody) = try await call(.post, "/v1/patrols?member=m1", try Data(contentsOf: Self.garminGPX))
            #expect(gpxStatus == .created && gpxBody["encoding"] == .null, "GPX declares its own")
        }
        let members = try await store.pool.read { try String.fetchAll($0, sql: "SELECT code FROM patrol_members ORDER BY code") }
        #expect(members.contains("徐静"))
        let first = try await store.pool.read { try Int64.fetchOne($0, sql: "SELECT min(t) FROM patrol_fixes f JOIN patrol_members m ON m.id = f.member_id WHERE m.code = '徐静'") }
        #expect(first == 1_772_413_091_000, "2026-03-02 08:58:11 Beijing = 00:58:11Z")
    }

    @Test func memberIDsThatAreNotIdentifiersAreRefusedNamingTheLine() async throws {
        try await withServer { call in
            let formula = Data("member,time,lon,lat\n13800000001,2026-03-02T08:00:00+08:00,119.72,28.27\n=cmd|calc!A1,2026-03-02T08:00:10+08:00,119.72,28.27\n".utf8)
            let (status, body) = try await call(.post, "/v1/patrols?format=csv", formula)
            #expect(status == .badRequest && body["error"]?.string == "invalid_member")
            #expect(body["detail"]?.string == #"line 3: member "=cmd|calc!A1" is not a valid id: it starts with '=', which spreadsheets read as a formula"#)

            let long = Data("member,time,lon,lat\n\(String(repeating: "甲", count: 200_000)),2026-03-02T08:00:00+08:00,119.72,28.27\n".utf8)
            let (longStatus, longBody) = try await call(.post, "/v1/patrols?format=csv", long)
            #expect(longStatus == .badRequest && longBody["error"]?.string == "invalid_member")
            #expect(longBody["detail"]?.string?.hasSuffix("… (200000 characters) is not a valid id: it is longer than 64 characters") == true)
            #expect((longBody["detail"]?.string?.count ?? .max) < 200, "the message quotes the id cut short")

            let gpx = try Data(contentsOf: Self.garminGPX)
            let (givenStatus, givenBody) = try await call(.post, "/v1/patrols?member=%E7%94%B2%0A%E4%B9%99", gpx)
            #expect(givenStatus == .badRequest && givenBody["error"]?.string == "invalid_member")
            #expect(givenBody["detail"]?.string?.hasPrefix(#"the member given for the file: member "甲\n乙""#) == true)
        }
        #expect(try storedFixes() == 0)
        #expect(try await store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM patrol_members")! } == 0)
    }
}
