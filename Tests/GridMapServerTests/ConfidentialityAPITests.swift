import Foundation
import GridMapCore
import GridMapGeometry
import GridMapServer
import GridMapSpatiaLite
import GridMapTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// 保密管理 and scopes over real HTTP on the two sample towns with their year of events: what each
/// kind of caller may do and see, checked against the store.
@Suite struct ConfidentialityAPITests {
    static let dagangtou = "331102102000", ganpu = "330424105000"
    /// The first 11-digit mainland mobile number in `text`, nil when there is none.
    static func mobile(in text: String) -> String? {
        let pattern = try! Regex(#"(^|[^0-9])(1[3-9][0-9]{9})([^0-9]|$)"#)
        return text.firstMatch(of: pattern).flatMap { $0.output[2].substring.map(String.init) }
    }

    let store: SpatiaLiteStore
    /// A sample event in each town.
    let inDagangtou: EventRecord, inGanpu: EventRecord

    init() throws {
        store = try Fixtures.storeWithEvents(["dagangtou", "ganpu"])
        var query = EventQuery()
        query.town = Self.dagangtou
        query.limit = 1
        inDagangtou = try #require(try store.events(query).first)
        query.town = Self.ganpu
        inGanpu = try #require(try store.events(query).first)
    }

    func withServer(_ body: @Sendable (LiveServer.Call<String>) async throws -> Void) async throws {
        try await LiveServer.run(store, access: AccessPolicy(publicReads: true), role: nil, bytes: { ByteBuffer(string: $0) }, body)
    }

    func token(_ role: AccessRole, _ scope: AccessScope = .everywhere) throws -> String {
        try store.createToken(name: "\(role.rawValue) \(scope.label)", role: role, scope: scope, by: .test).token
    }

    func raw(_ call: LiveServer.Call<String>, _ uri: String, token: String?) async throws -> (HTTPResponse.Status, String) {
        try await call.client.execute(uri: uri, method: .get, headers: LiveServer.Call<String>.authorization(token)) {
            ($0.status, String(decoding: Data(buffer: $0.body), as: UTF8.self))
        }
    }

    /// Every read endpoint that may carry personal data, on the sample data.
    func readURIs() -> [String] {
        let d = inDagangtou.point, g = inGanpu.point
        return [
            "/v1/resolve?lon=\(d.x)&lat=\(d.y)", "/v1/resolve?lon=\(g.x)&lat=\(g.y)&category=fire.ebike",
            "/v1/events?limit=500", "/v1/events?limit=500&format=geojson", "/v1/events?town=\(Self.ganpu)&limit=500",
            "/v1/events/\(inDagangtou.id)", "/v1/events/\(inGanpu.id)",
            "/ogc/collections/events/items?limit=1000", "/ogc/collections/events/items/\(inGanpu.id)",
            "/ogc/collections/grids/items?limit=1000", "/v1/layers/grids", "/v1/layers/villages",
            "/v1/density/points?from=2025-01-01&to=2026-01-01", "/v1/density/grids?from=2025-01-01&to=2026-01-01",
            "/v1/coverage?from=2026-03-02&to=2026-03-03", "/v1/stats?from=2025-01-01&to=2026-01-01",
            "/v1/grids/\(try! #require(inDagangtou.gridCode))/history",
        ]
    }

    @Test func noAnonymousReadCarriesAMobileNumberWhileASignedInDispatcherSeesThem() async throws {
        let uploader = try token(.dispatcher)
        try await withServer { call in
            let gpx = try String(contentsOf: PatrolsAPITests.garminGPX, encoding: .utf8)
            let (uploaded, _) = try await call(.post, "/v1/patrols?member=13900002342", gpx, token: uploader)
            #expect(uploaded == .created)
            var tiles: [String] = []
            for layer in ["events", "grids", "density-grids"] {
                // The zoom-10 tiles over both towns, undecoded: protobuf keeps strings as UTF-8 bytes.
                for (x, y) in [(852, 427), (852, 428), (853, 427), (853, 428), (855, 420), (855, 421), (856, 420), (856, 421)] {
                    tiles.append("/tiles/\(layer)/10/\(x)/\(y).mvt?from=2025-01-01&to=2026-01-01")
                }
            }
            for uri in readURIs() + tiles {
                let (status, body) = try await raw(call, uri, token: nil)
                #expect(status == .ok, "\(uri)")
                #expect(Self.mobile(in: body) == nil, "\(uri) shows \(Self.mobile(in: body) ?? "")")
            }
            // The sweep can fail: the same reads under a dispatcher's session show the numbers in full.
            try store.testUser("值班员", .dispatcher)
            let session = try await call.signIn("值班员")
            var shown = 0
            for uri in readURIs() {
                let (_, body) = try await call.client.execute(uri: uri, method: .get, headers: session.headers()) {
                    ($0.status, String(decoding: Data(buffer: $0.body), as: UTF8.self))
                }
                if Self.mobile(in: body) != nil { shown += 1 }
            }
            #expect(shown >= 6, "resolve, events (list, GeoJSON, items) and coverage name people in full")
            let (_, coverage) = try await call(.get, "/v1/coverage?from=2026-03-02&to=2026-03-03", nil, token: nil)
            let members = Set(coverage["features"]?.array?.flatMap { $0["properties"]?["members"]?.array?.compactMap(\.string) ?? [] } ?? [])
            #expect(members == ["139****2342"])
        }
    }

    /// One row of the access rules for each kind of caller.
    struct Row: Sendable {
        let status: HTTPResponse.Status
        /// For reads: personal fields in full (true), masked (false), or not applicable (nil).
        var full: Bool? = nil
    }

    @Test func everyKindOfCallerGetsWhatTheRulesSay() async throws {
        let gis = try token(.gis), admin = try token(.admin)
        let scopedIn = try token(.dispatcher, .town(Self.dagangtou)), scopedOut = try token(.dispatcher, .town(Self.ganpu))
        let callers: [(String, String?)] = [("anonymous", nil), ("wrong role", gis), ("scoped in", scopedIn), ("scoped out", scopedOut), ("admin", admin)]
        let event = inDagangtou
        let person = try #require(event.people.first)
        let unit = person.unit
        try await withServer { call in
            // A dagangtou event, read: masked unless the caller may see personal data there.
            let reads: [String: Row] = ["anonymous": Row(status: .ok, full: false), "wrong role": Row(status: .ok, full: false),
                                        "scoped in": Row(status: .ok, full: true), "scoped out": Row(status: .notFound), "admin": Row(status: .ok, full: true)]
            for (caller, token) in callers {
                let (status, body) = try await call(.get, "/v1/events/\(event.id)", nil, token: token)
                let expected = try #require(reads[caller])
                #expect(status == expected.status, "\(caller)")
                guard let full = expected.full else { continue }
                let shown = (body["description"]?.string, body["reporter"]?.string, body["people"]?.array?.first?["phone"]?.string)
                if full {
                    #expect(shown == (event.description, event.reporter, person.phone), "\(caller)")
                } else {
                    #expect(body["description"] == .null, "\(caller)")
                    #expect(shown.1 == PersonalMask.contact(event.reporter) && shown.2 == PersonalMask.phone(person.phone), "\(caller)")
                    #expect(body["history"]?.array?.allSatisfy { $0["note"] == .null } == true, "\(caller)")
                }
            }

            // Resolving the event's point: everyone is answered; people outside the scope are left out.
            let resolve = "/v1/resolve?lon=\(event.point.x)&lat=\(event.point.y)"
            let people: [String: Bool?] = ["anonymous": false, "wrong role": false, "scoped in": true, "scoped out": nil, "admin": true]
            for (caller, token) in callers {
                let (status, body) = try await call(.get, resolve, nil, token: token)
                #expect(status == .ok && body["grid"]?["code"]?.string == event.gridCode, "\(caller)")
                let listed = body["people"]?.array ?? []
                switch people[caller]! {
                case nil: #expect(listed.isEmpty, "\(caller)")
                case let full?:
                    #expect(!listed.isEmpty, "\(caller)")
                    #expect(listed.allSatisfy { ($0["phone"]?.string?.contains("****") ?? false) != full }, "\(caller)")
                }
            }

            // Reporting an event in dagangtou.
            let report = #"{"category":"fire.ebike","description":"楼道充电","lon":\#(event.point.x),"lat":\#(event.point.y),"source":"app","reporter":"市民"}"#
            let creates: [String: (HTTPResponse.Status, String?)] = [
                "anonymous": (.unauthorized, "unauthorized"), "wrong role": (.forbidden, "forbidden"),
                "scoped in": (.created, nil), "scoped out": (.forbidden, "out_of_scope"), "admin": (.created, nil)]
            let before = try store.lastEventID()
            var created: [Int64] = []
            for (caller, token) in callers {
                let (status, body) = try await call(.post, "/v1/events", report, token: token)
                let (expected, error) = creates[caller]!
                #expect(status == expected && body["error"]?.string == error, "\(caller): \(body)")
                if let id = body["id"]?.number { created.append(Int64(id)) }
            }
            #expect(try store.lastEventID() == before + 2 && created.count == 2)

            // Moving it along the loop (each caller on the first new event, from new each time).
            let moves: [String: HTTPResponse.Status] = ["anonymous": .unauthorized, "wrong role": .forbidden,
                                                        "scoped in": .ok, "scoped out": .forbidden, "admin": .ok]
            for (caller, token) in callers {
                let before = try store.event(created[0])!
                let to = before.status.allowedNext.first!.rawValue
                let (status, _) = try await call(.post, "/v1/events/\(created[0])/transitions", #"{"to":"\#(to)"}"#, token: token)
                #expect(status == moves[caller], "\(caller)")
                if status != .ok { #expect(try store.event(created[0])!.history.count == before.history.count, "\(caller): nothing stored") }
            }

            // Marking a dagangtou person absent.
            let absence = #"{"unit":"\#(unit)","role":"\#(person.role.rawValue)","post":"\#(person.post.rawValue)","absent":true}"#
            let marks: [String: HTTPResponse.Status] = ["anonymous": .unauthorized, "wrong role": .forbidden,
                                                        "scoped in": .ok, "scoped out": .forbidden, "admin": .ok]
            for (caller, token) in callers {
                let (status, _) = try await call(.post, "/v1/people/absence", absence, token: token)
                #expect(status == marks[caller], "\(caller)")
            }

            // The events layer for county GIS: descriptions only to those who may see them.
            let exports: [String: Row] = ["anonymous": Row(status: .unauthorized), "wrong role": Row(status: .ok, full: false),
                                          "scoped in": Row(status: .forbidden), "scoped out": Row(status: .forbidden), "admin": Row(status: .ok, full: true)]
            for (caller, token) in callers {
                let (status, body) = try await call(.get, "/v1/export/events.geojson?from=2025-01-01&to=2025-02-01", nil, token: token)
                let expected = exports[caller]!
                #expect(status == expected.status, "\(caller)")
                guard let full = expected.full else { continue }
                let described = body["features"]?.array?.map { $0["properties"]?["descr"]?.string ?? "" } ?? []
                #expect(!described.isEmpty && described.allSatisfy { $0.isEmpty != full }, "\(caller)")
            }
        }
    }

    @Test func aTownsDispatcherListsAndMovesOnlyItsTownsEvents() async throws {
        try store.testUser("大港头值班员", .dispatcher, scope: .town(Self.dagangtou))
        try await withServer { call in
            let session = try await call.signIn("大港头值班员")
            let (status, page) = try await call(.get, "/v1/events?limit=500", nil, session: session)
            let towns = Set(page["events"]?.array?.compactMap { $0["town"]?.string } ?? [])
            #expect(status == .ok && towns == [Self.dagangtou])
            let (other, none) = try await call(.get, "/v1/events?town=\(Self.ganpu)", nil, session: session)
            #expect(other == .ok && none["events"] == .array([]))
            let (ogc, items) = try await call(.get, "/ogc/collections/events/items?limit=1000", nil, session: session)
            #expect(ogc == .ok && Set(items["features"]?.array?.compactMap { $0["properties"]?["town"]?.string } ?? []) == [Self.dagangtou])

            let before = try #require(try store.event(inGanpu.id))
            let to = before.status.allowedNext.first?.rawValue ?? "triaged"
            let (refused, answer) = try await call(.post, "/v1/events/\(inGanpu.id)/transitions", #"{"to":"\#(to)"}"#, session: session)
            #expect(refused == .forbidden && answer["error"] == .string("out_of_scope"))
            let after = try #require(try store.event(inGanpu.id))
            #expect(after.status == before.status && after.history.count == before.history.count)
            let (hidden, _) = try await call(.get, "/v1/events/\(inGanpu.id)", nil, session: session)
            #expect(hidden == .notFound, "an event outside the scope is not told")
        }
    }

    @Test func readsShowingPersonalDataAreAuditedOneRowPerRequest() async throws {
        try store.testUser("镇领导", .leader)
        try await withServer { call in
            let (_, _) = try await call(.get, "/v1/events?limit=50", nil, token: nil)
            let session = try await call.signIn("镇领导")
            let (listed, page) = try await call(.get, "/v1/events?limit=50", nil, session: session)
            #expect(listed == .ok && page["events"]?.array?.count == 50)
            let (shown, _) = try await call(.get, "/v1/events/\(inGanpu.id)", nil, session: session)
            #expect(shown == .ok)
            var reads: [AuditEntry] = []
            for _ in 0..<40 where reads.count < 2 {
                try await Task.sleep(for: .milliseconds(100))
                reads = try store.auditLog().filter { $0.action.hasPrefix("GET ") }
            }
            #expect(reads.map(\.action) == ["GET /v1/events", "GET /v1/events/\(inGanpu.id)"], "the anonymous, masked read is not audited")
            #expect(reads.allSatisfy { $0.actor == "镇领导" && $0.role == .leader && $0.status == 200 })
            #expect(reads[0].detail["personal_count"] == .number(50) && reads[0].detail["query"] == .string("limit=50"))
            #expect(reads[1].detail["personal"] == .array([.string("event/\(inGanpu.id)")]))
            #expect(try store.verifyAuditChain().broken == nil)
        }
    }
}
