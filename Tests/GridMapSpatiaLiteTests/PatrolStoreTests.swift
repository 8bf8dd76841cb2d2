import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// Patrols through the store: raw fixes kept, tracks derived, each day's coverage computed once
/// and checked against SpatiaLite SQL on 大港头镇's grids.
@Suite struct PatrolStoreTests {
    let store: SpatiaLiteStore
    let resolvers: HistoricalResolvers
    let simulator: PatrolSimulator
    static let day = PatrolDay("2025-11-03")!

    init() throws {
        store = try Fixtures.store(with: ["dagangtou"])
        resolvers = try HistoricalResolvers(store: store)
        let resolver = try resolvers.resolver(at: Instant(milliseconds: Self.day.start))
        simulator = PatrolSimulator(grids: resolver.gridGeometries)
    }

    /// Ten members patrolling grids 0, 7, 14, … for 90 minutes on `day`.
    func patrols(on day: PatrolDay, seed: UInt64 = 1) -> [PatrolFix] {
        (0..<10).flatMap { k in
            simulator.patrol(member: "m\(k)", grid: k * 7, start: day.start + 9 * 3_600_000, hours: 1.5, seed: seed + UInt64(k))
        }
    }

    func count(_ sql: String) throws -> Int { try store.pool.read { try Int.fetchOne($0, sql: sql)! } }

    @Test func coverageAgreesWithSpatiaLiteSQL() throws {
        let fixes = patrols(on: Self.day)
        let ingest = try store.importPatrols(fixes, source: "test", format: "csv", cleaning: TrackCleaning(),
                                             options: CoverageOptions(), resolvers: resolvers)
        #expect(ingest.days == [Self.day] && ingest.members == 10)
        #expect(try count("SELECT count(*) FROM patrol_fixes") == fixes.count)
        #expect(ingest.report.received == fixes.count && ingest.report.kept < fixes.count)
        let ours = try store.gridDays(Self.day...Self.day, radius: 30)
        let sql = try SQLReference(store).coverageAreas(day: Self.day, radius: 30, zone: GaussKrugerZone(longitude: 119.7))
        #expect(ours.count >= 10)
        #expect(Set(ours.filter { $0.coveredArea > 0.01 }.map(\.grid)) == Set(sql.filter { $0.value > 0.01 }.keys))
        // The distance field is within a fraction of a cell (2 m) of the exact buffers: 0.5 % of a
        // grid's covered area, or a few m² for slivers.
        for grid in ours {
            let reference = try #require(sql[grid.grid])
            #expect(abs(grid.coveredArea - reference) <= reference * 0.005 + 20, "\(grid.grid): \(grid.coveredArea) vs \(reference)")
        }
        let total = ours.reduce(0) { $0 + $1.coveredArea }, sqlTotal = sql.values.reduce(0, +)
        #expect(abs(total - sqlTotal) / sqlTotal < 0.002, "\(total) vs \(sqlTotal)")
        // Lengths inside grids add up to the tracks' length inside the town.
        let length = ours.reduce(0) { $0 + $1.length }
        let sqlLength = try store.pool.write { db in
            try Double.fetchOne(db, sql: """
                SELECT SUM(ST_Length(ST_Intersection(ST_Transform(s.geometry, 4549), ST_Transform(g.geometry, 4549))))
                FROM patrol_segments s, grid_boundaries g WHERE g.valid_to IS NULL AND MbrIntersects(s.geometry, g.geometry)
                """)!
        }
        #expect(abs(length - sqlLength) / sqlLength < 1e-6, "\(length) vs \(sqlLength)")
    }

    @Test func addingADayLeavesEarlierDaysAlone() throws {
        let next = Self.day.next
        _ = try store.importPatrols(patrols(on: Self.day), source: "day 1", format: "csv", cleaning: TrackCleaning(),
                                    options: CoverageOptions(), resolvers: resolvers)
        let first = try store.coverageRuns(radius: 30)
        let firstRows = try store.gridDays(Self.day...Self.day, radius: 30)
        let ingest = try store.importPatrols(patrols(on: next, seed: 99), source: "day 2", format: "csv", cleaning: TrackCleaning(),
                                             options: CoverageOptions(), resolvers: resolvers)
        #expect(ingest.days == [next])
        let second = try store.coverageRuns(radius: 30)
        #expect(second[Self.day]?.computedAt == first[Self.day]?.computedAt && second[Self.day]?.revision == 1)
        #expect(second[next]?.revision == 1)
        #expect(try store.gridDays(Self.day...Self.day, radius: 30) == firstRows)
        // Nothing is stale at either radius already computed; another radius computes both days.
        #expect(try store.updateCoverage(options: CoverageOptions(), resolvers: resolvers).isEmpty)
        #expect(try store.updateCoverage(options: CoverageOptions(radius: 50), resolvers: resolvers) == [Self.day, next])
        // A late upload for day 1 changes day 1 only, cleaned together with its earlier fixes.
        let late = simulator.patrol(member: "m0", grid: 0, start: Self.day.start + 15 * 3_600_000, hours: 0.5, seed: 7)
        let again = try store.importPatrols(late, source: "late", format: "csv", cleaning: TrackCleaning(),
                                            options: CoverageOptions(), resolvers: resolvers)
        #expect(again.days == [Self.day])
        #expect(again.report.received > late.count)
        let third = try store.coverageRuns(radius: 30)
        #expect(third[Self.day]?.revision == 2 && third[next]?.computedAt == second[next]?.computedAt)
    }

    @Test func tracksRebuildFromTheRawFixes() throws {
        _ = try store.ingestPatrols(patrols(on: Self.day), source: "test", format: "csv", cleaning: TrackCleaning())
        let segments = try count("SELECT count(*) FROM patrol_segments")
        var strict = TrackCleaning()
        strict.maxAccuracy = 5
        let rebuilt = try store.rebuildPatrolTracks(cleaning: strict)
        #expect(rebuilt.droppedAccuracy > 0)
        #expect(try count("SELECT SUM(fixes) FROM patrol_segments") == rebuilt.kept)
        let restored = try store.rebuildPatrolTracks(cleaning: TrackCleaning())
        #expect(try count("SELECT count(*) FROM patrol_segments") == segments && restored.droppedAccuracy < rebuilt.droppedAccuracy)
        // Segments are SpatiaLite geometries in WGS84.
        #expect(try count("SELECT count(*) FROM patrol_segments WHERE ST_IsValid(geometry) = 1 AND ST_SRID(geometry) = 4326") == segments)
    }

    /// The sample generator's week over 20 grids: most patrolled most days, some neglected. Every
    /// planned day shows as a visit, and each grid names its own member exactly when it was
    /// planned (members of neighbouring grids may cut through a corner on other days).
    @Test func aSimulatedWeekShowsNeglectedGrids() throws {
        let resolver = try resolvers.resolver(at: Instant(milliseconds: Self.day.start))
        let grids = Array(resolver.grids.indices.prefix(20))
        let plan = PatrolPlan.days(7, from: Self.day, members: grids.map { ($0, "m\($0)") }, seed: 1)
        let fixes = plan.flatMap { simulator.patrol(member: $0.member, grid: $0.grid, start: $0.start, hours: $0.hours, seed: $0.seed) }
        _ = try store.importPatrols(fixes, source: "test", format: "csv", cleaning: TrackCleaning(), options: CoverageOptions(),
                                    resolvers: resolvers)
        let week = Self.day...PatrolDay(number: Self.day.number + 6)
        let rows = try store.coverageReport(period: week, scope: CoverageScope(), options: CoverageOptions(),
                                            frequency: nil, withGaps: false, resolvers: resolvers)
        #expect(rows.count == resolver.grids.count)
        let planned = Dictionary(grouping: plan, by: \.grid).mapValues { Set($0.map { PatrolDay(milliseconds: $0.start) }).count }
        for grid in grids {
            let row = rows[grid]
            #expect(row.coverage.compliance.required == 7)
            #expect(row.coverage.compliance.met >= planned[grid] ?? 0, "\(row.grid.code)")
            #expect(row.coverage.members.contains("m\(grid)") == (planned[grid] != nil), "\(row.grid.code)")
        }
        let neglected = grids.filter { planned[$0] ?? 0 <= 2 }, diligent = grids.filter { planned[$0] ?? 0 >= 5 }
        #expect(!neglected.isEmpty && diligent.count >= grids.count / 2, "\(neglected.count) neglected, \(diligent.count) diligent")
        #expect(neglected.allSatisfy { !rows[$0].coverage.compliance.compliant })
    }

    @Test func frequenciesAreSetForKnownUnitsOnly() throws {
        #expect(try store.setPatrolFrequency(.weekly, unit: "331102102224"))
        #expect(try !store.setPatrolFrequency(.weekly, unit: "999999999999"))
        #expect(try store.patrolFrequencies() == ["331102102224": .weekly])
        #expect(try store.setPatrolFrequency(nil, unit: "331102102224"))
        #expect(try store.patrolFrequencies().isEmpty)
    }
}
