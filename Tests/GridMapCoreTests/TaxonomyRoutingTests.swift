import Foundation
import GridMapCore
import GridMapTestSupport
import Testing

/// Routing of every category of both shipped platform models, against the mapping written out
/// here by hand from each model's documented division of work (geodata/README.md).
@Suite struct TaxonomyRoutingTests {
    static func router(_ sample: String) throws -> TaxonomyRouter {
        TaxonomyRouter(try Taxonomy.read(Data(contentsOf: Fixtures.sample(sample).appendingPathComponent("platforms.json"))))
    }

    /// category → (platform, office) outside overrides; children not listed follow their parent.
    static let expected2022: [String: (String, String)] = [
        "dispute": ("PAFZ", "司法所"), "dispute.labour": ("PAFZ", "社会治理中心"), "dispute.land": ("PAFZ", "司法所"),
        "public_security": ("PAFZ", "派出所"), "work_safety": ("PAFZ", "应急管理站"), "fire": ("PAFZ", "应急管理站"),
        "food_safety": ("PAFZ", "市场监管所"), "environment": ("JJST", "生态环境办"),
        "illegal_building": ("PAFZ", "综合行政执法队"), "illegal_building.rural": ("JJST", "自然资源所"),
        "livelihood": ("GGFW", "便民服务中心"), "livelihood.assistance": ("GGFW", "民政办"),
        "party": ("DJTL", "党建办"), "flood": ("PAFZ", "应急管理站"),
    ]
    static let expected2016: [String: (String, String)] = [
        "dispute": ("ZZGZ", "司法所"), "dispute.labour": ("ZZGZ", "综治办"), "public_security": ("ZZGZ", "派出所"),
        "work_safety": ("ZHZF", "安监办"), "fire": ("ZHZF", "安监办"), "food_safety": ("SCJG", "市场监管所"),
        "environment": ("ZHZF", "环保所"), "illegal_building": ("ZHZF", "综合行政执法中队"),
        "livelihood": ("BMFW", "便民服务中心"), "livelihood.assistance": ("BMFW", "民政办"),
        "party": ("BMFW", "党建办"), "flood": ("ZHZF", "安监办"),
    ]

    @Test(arguments: [("dagangtou", "2022"), ("ganpu", "2016")])
    func everyCategoryRoutesWhereTheModelSays(sample: String, model: String) throws {
        let router = try Self.router(sample)
        let expected = model == "2022" ? Self.expected2022 : Self.expected2016
        #expect(router.taxonomy.model == model)
        #expect(router.taxonomy.categories.count >= 30)
        for category in router.taxonomy.categories {
            let key = expected[category.code] != nil ? category.code : try #require(category.parent, "\(category.code)")
            let (platform, office) = try #require(expected[key], "no expectation for \(key)")
            // A grid and village no override names: the general rule applies.
            let routing = try #require(router.route(category: category.code, grid: "000000000000001", village: "000000000000"))
            #expect(routing.platform.code == platform, "\(category.code)")
            #expect(routing.office == office, "\(category.code)")
            #expect(!routing.isOverride)
            #expect(router.deadlineHours(of: category.code) != nil, "\(category.code) needs a deadline")
        }
        #expect(router.route(category: "no.such", grid: nil, village: nil) == nil)
    }

    @Test func spatialOverridesWin() throws {
        let dagangtou = try Self.router("dagangtou")
        // 瓯江沿岸 villages: water pollution goes to 平安法治's 执法队 instead of 经济生态.
        let water = try #require(dagangtou.route(category: "environment.water", grid: "331102102222001", village: "331102102222"))
        #expect(water.platform.code == "PAFZ" && water.office == "综合行政执法队" && water.place == .village("331102102222"))
        #expect(water.assisting.map(\.code) == ["JJST"])
        let elsewhere = try #require(dagangtou.route(category: "environment.water", grid: "331102102224001", village: "331102102224"))
        #expect(elsewhere.platform.code == "JJST" && elsewhere.place == .everywhere)
        // A grid override on a parent category beats the general rule of its child.
        let ebike = try #require(dagangtou.route(category: "fire.ebike", grid: "331102102001001", village: "331102102001"))
        #expect(ebike.office == "派出所" && ebike.place == .grid("331102102001001") && ebike.ruleCategory == "fire")
        #expect(dagangtou.route(category: "fire.ebike", grid: "331102102001002", village: "331102102001")?.office == "应急管理站")

        let ganpu = try Self.router("ganpu")
        let land = try #require(ganpu.route(category: "dispute.land", grid: "330424105204003", village: "330424105204"))
        #expect(land.platform.code == "ZHZF" && land.office == "国土资源所", "platform changes from 综治工作 in 南北湖村")
        #expect(ganpu.route(category: "dispute.land", grid: nil, village: "330424105205")?.platform.code == "ZZGZ")
        #expect(ganpu.route(category: "food_safety.market", grid: "330424105001001", village: "330424105001")?.office == "食安办")
    }

    @Test func badTaxonomiesAreRejectedNamingTheProblem() throws {
        let good = try Self.router("dagangtou").taxonomy
        func problems(_ edit: (inout Taxonomy) -> Void) -> [String] {
            var t = good
            edit(&t)
            return t.problems()
        }
        #expect(good.problems().isEmpty)
        #expect(problems { $0.platforms.append($0.platforms[0]) } == ["platform code DJTL appears more than once"])
        #expect(problems { $0.categories[1].parent = "nowhere" }.first == "category dispute.neighbour: parent nowhere is not a category")
        #expect(problems { $0.categories[0].parent = "dispute.family" }.contains("category dispute: its parents form a cycle"))
        #expect(problems { $0.routes[0].office = "财政所" }.first?.contains("office 财政所 is not one of 平安法治's offices") == true)
        #expect(problems { $0.routes[0].platform = "XXXX" }.contains("routes[0] (dispute): platform XXXX is not a platform"))
        #expect(problems { $0.routes.removeAll { $0.category == "party" } }
            == ["category party: no rule routes it (nor any of its parents) outside overrides",
                "category party.member: no rule routes it (nor any of its parents) outside overrides",
                "category party.organisation: no rule routes it (nor any of its parents) outside overrides"])
        #expect(problems { $0.routes.append($0.routes[0]) } == ["more than one rule routes dispute (general rule)"])
        #expect(problems { $0.routes[0].assisting = ["PAFZ"] } == ["routes[0] (dispute): assisting platform PAFZ is the lead platform"])
        #expect(throws: DatasetError.self) { try Taxonomy.read(Data("{\"model\":\"2022\"}".utf8)) }
        do {
            _ = try Taxonomy.read(Data(#"{"model":"x","name":"y","platforms":[{"code":"A","name":"a","offices":[]}],"categories":[],"routes":[]}"#.utf8))
            Issue.record("a platform without lead must be rejected")
        } catch let error as DatasetError {
            #expect(error.problems == ["platforms.json: platforms[0].lead: missing"])
        }
    }
}
