import Foundation
import GridMapCore
import GridMapGeometry
import GridMapServer
import GridMapSpatiaLite
import GridMapTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

/// Routing over HTTP: `GET /v1/resolve?category=`, `/v1/platforms`, `/v1/categories`.
@Suite struct PlatformsAPITests {
    let store: SpatiaLiteStore

    init() throws { store = try Fixtures.store(with: ["dagangtou", "ganpu"]) }

    /// Runs `body` against one live server; `get` answers a GET's status and JSON body.
    func withServer(_ body: @Sendable (_ get: (String) async throws -> (HTTPResponse.Status, JSONValue)) async throws -> Void)
        async throws {
        let app = try GridMapServer.application(store: store, port: 0, access: AccessPolicy(publicReads: true), reloadInterval: .seconds(60))
        try await app.test(.live) { client in
            try await body { uri in
                try await client.execute(uri: uri, method: .get) { ($0.status, try JSONValue.parse(Data(buffer: $0.body))) }
            }
        }
    }

    /// A point well inside a grid of `village` (its grid's centroid-ish interior point by SQL check).
    func point(inGrid code: String) throws -> Coordinate {
        let grid = try #require(try store.snapshot().grids.first { $0.unit.code == code })
        let ring = grid.geometry.rings[0]
        let box = try #require(grid.geometry.boundingBox)
        var random = SplitMix64(seed: 1)
        for _ in 0..<1_000 {
            let p = Coordinate(box.minX + random.unit() * box.width, box.minY + random.unit() * box.height)
            if try SQLReference(store).gridsCovering([p])[0] == [code] { return p }
        }
        Issue.record("no interior point found in \(code) (\(ring.count) vertices)")
        return ring[0]
    }

    @Test func resolveWithCategoryNamesPlatformOfficeAndRule() async throws {
        try await withServer { get in
            let p = try point(inGrid: "331102102224003")  // 利山村: no override
            let (status, body) = try await get("/v1/resolve?lon=\(p.x)&lat=\(p.y)&category=environment.water&people=false")
            #expect(status == .ok)
            #expect(body["platform"] == .object(["code": .string("JJST"), "name": .string("经济生态"), "lead": .string("分管经济副镇长")]))
            #expect(body["office"] == .string("生态环境办"))
            #expect(body["category"]?["deadline_hours"] == .number(48))
            #expect(body["assisting"]?.array?.compactMap { $0["code"]?.string } == ["PAFZ"])
            #expect(body["routing"]?["place"] == .string("everywhere"))

            let river = try point(inGrid: "331102102222002")  // 大港头村: the river override
            let (_, overridden) = try await get("/v1/resolve?lon=\(river.x)&lat=\(river.y)&category=environment.water")
            #expect(overridden["platform"]?["code"] == .string("PAFZ"))
            #expect(overridden["routing"]?["place"] == .string("village 331102102222"))
            #expect(overridden["routing"]?["note"]?.string?.isEmpty == false)

            let ganpu = try point(inGrid: "330424105204002")  // 南北湖村, 2016 model
            let (_, land) = try await get("/v1/resolve?lon=\(ganpu.x)&lat=\(ganpu.y)&category=dispute.land")
            #expect(land["platform"]?["name"] == .string("综合执法"))
            #expect(land["routing"]?["model"] == .string("2016"))
        }
    }

    @Test func routingProblemsAreNamed() async throws {
        try await withServer { get in
            let p = try point(inGrid: "331102102224003")
            let (status, body) = try await get("/v1/resolve?lon=\(p.x)&lat=\(p.y)&category=dispute.nope")
            #expect(status == .badRequest)
            #expect(body["error"] == .string("unknown_category"))
            #expect(body["detail"]?.string?.contains("2022 platform model of town 331102102000") == true)
            // Outside every town: resolved (nearest grid) but not routed.
            let (outside, far) = try await get("/v1/resolve?lon=119.5&lat=28.0&category=dispute")
            #expect(outside == .ok)
            #expect(far["platform"] == .null)
            #expect(far["routing_problem"]?.string?.contains("no town") == true)
        }
    }

    @Test func platformsAndCategoriesPerTown() async throws {
        try await withServer { get in
            let (_, all) = try await get("/v1/platforms")
            let towns = try #require(all["towns"]?.array)
            #expect(towns.compactMap { $0["model"]?.string } == ["2016", "2022"])
            #expect(towns[1]["platforms"]?.array?.compactMap { $0["name"]?.string } == ["党建统领", "经济生态", "平安法治", "公共服务"])
            #expect(towns[0]["platforms"]?.array?.compactMap { $0["name"]?.string } == ["综治工作", "市场监管", "综合执法", "便民服务"])

            let (_, categories) = try await get("/v1/categories?town=330424105000")
            let list = try #require(categories["towns"]?.array?.first?["categories"]?.array)
            let taxonomy = try #require(try store.snapshot().taxonomies["330424105000"])
            #expect(list.compactMap { $0["code"]?.string } == taxonomy.categories.map(\.code))
            let fraud = try #require(list.first { $0["code"] == .string("public_security.fraud") })
            #expect(fraud["deadline_hours"] == .number(12) && fraud["platform"]?["code"] == .string("ZZGZ"))
            let neighbour = try #require(list.first { $0["code"] == .string("dispute.neighbour") })
            #expect(neighbour["deadline_hours"] == .number(72), "inherited from 矛盾纠纷")

            let (status, unknown) = try await get("/v1/categories?town=999999999000")
            #expect(status == .notFound && unknown["error"] == .string("unknown_town"))
        }
    }
}
