import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry

/// `gridmap events simulate-loop`: sample events of a dataset's towns reported over a run of
/// days and taken through the command room's loop as a ``LoopScript`` draws it — tasks,
/// 督办 from the hourly sweep and by hand, answers, 延期, 挂账, evaluations — through the same
/// repository calls the API makes, at the script's times.
struct EventsSimulateLoopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate-loop",
        abstract: "Report sample events in a dataset's grids and take them through the loop (tasks, 督办, 延期, 挂账, 考核).",
        discussion: "Deterministic for a seed. Events still open at the end of the run stay open, as a backlog does.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Imported dataset whose grids the events are reported in.") var dataset: String
    @Option(help: "First day (YYYY-MM-DD, Beijing).") var from = "2025-10-01"
    @Option(help: "Number of days.") var days = 92
    @Option(help: "Events reported a day, on average.") var perDay = 3
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        guard Timestamp.isPlainDate(from), let start = Instant(parsing: from, zone: .beijing) else {
            throw ValidationError("--from must be YYYY-MM-DD")
        }
        let store = try database.open()
        guard let towns = try store.townCodes(dataset: dataset) else { throw ValidationError("no imported dataset named '\(dataset)'") }
        let resolvers = try HistoricalResolvers(store: store)
        let resolver = try resolvers.resolver(at: start)
        let grids = resolver.grids.indices.filter { resolver.town(ofGrid: $0).map { towns.contains($0.code) } ?? false }
        let categories = towns.flatMap { resolver.snapshot.taxonomies[$0]?.categories.filter { $0.parent != nil } ?? [] }
        guard !grids.isEmpty, !categories.isEmpty else { throw ValidationError("dataset '\(dataset)' has no grids or categories") }
        var random = SplitMix64(seed: seed)
        var ids: [Int64] = [], reported: [Instant] = [], deadlines: [Int?] = []
        for day in 0..<days {
            for _ in 0..<(perDay / 2 + Int(random.next() % UInt64(perDay + 1))) {
                let at = start.adding(hours: Int64(day * 24 + 8)).adding(milliseconds: Int64(random.next() % 43_200_000))
                let grid = grids[Int(random.next() % UInt64(grids.count))]
                guard let point = Self.point(inGrid: grid, resolver, &random) else { continue }
                let category = categories[Int(random.next() % UInt64(categories.count))]
                let report = EventReport(category: category.code, description: "\(category.name)（模拟）", coordinate: point, crs: .wgs84,
                                         reportedAt: at, source: EventSource.allCases[Int(random.next() % 4)], reporter: "网格员")
                let located = try resolvers.resolver(at: at).locate(report)
                ids.append(try store.recordEvent(located, actor: "网格员", at: at))
                reported.append(at)
                deadlines.append(located.routed.deadlineHours)
            }
        }
        let actions = LoopScript.actions(reported: reported, deadlines: deadlines, seed: seed)
        let playback = try store.play(actions, events: ids, until: start.adding(hours: Int64(days * 24)),
                                      dispatcher: "指挥室值班员", leader: "镇带班领导")
        print("reported \(ids.count) events in \(grids.count) grids; played \(playback.played) steps (\(playback.skipped) refused), "
              + "the sweep issued \(playback.sweep.urged) 催办 and \(playback.sweep.escalated) 督办")
    }

    /// A point inside grid `position`, drawn in its bounding box (nil after 50 misses).
    private static func point(inGrid position: Int, _ resolver: Resolver, _ random: inout SplitMix64) -> Coordinate? {
        guard let box = resolver.gridGeometries[position].boundingBox else { return nil }
        let code = resolver.grids[position].code
        for _ in 0..<50 {
            let p = Coordinate(box.minX + (box.maxX - box.minX) * Double(random.next() % 100_000) / 100_000,
                               box.minY + (box.maxY - box.minY) * Double(random.next() % 100_000) / 100_000)
            if resolver.resolve(p).grid?.code == code { return p }
        }
        return nil
    }
}
