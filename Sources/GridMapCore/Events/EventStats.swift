import Foundation

/// What statistics group events by.
public enum StatsDimension: String, CaseIterable, Sendable {
    case grid, village, town, platform
}

/// The figures of one group over a period.
public struct GroupStats: Sendable, Equatable {
    public var key: String
    /// Events reported in the period.
    public var received: Int
    /// Of those, handled (resolved or evaluated).
    public var closed: Int
    public var closureRate: Double { received == 0 ? 0 : Double(closed) / Double(received) }
    /// Hours from report to resolution of the closed ones (nil when none closed).
    public var medianHours: Double?
    public var p90Hours: Double?
    /// Of those reported, the ones handled after their deadline or still open past it.
    public var overdue: Int
}

/// The facts statistics need about every event, in columns, for in-memory aggregation (a
/// county-year of a million events aggregates in milliseconds). Built from the store, which stays
/// the record; tests check the figures against SQL.
public struct EventStatsTable: Sendable {
    /// Seconds since 1970 of report, resolution (-1 open) and deadline (-1 none).
    public var reported: [Int64] = []
    public var closed: [Int64] = []
    public var deadline: [Int64] = []
    /// Per dimension: each event's key position, and the keys.
    public var keyIndex: [StatsDimension: [Int32]] = [:]
    public var keys: [StatsDimension: [String]] = [:]
    public var towns: [Int32] = []

    public init() {}

    /// Appends one event's facts (keys may be nil: outside grids).
    public mutating func append(reported: Int64, closed: Int64?, deadline: Int64?, keys unitKeys: [StatsDimension: String?],
                                positions: inout [StatsDimension: [String: Int32]]) {
        self.reported.append(reported)
        self.closed.append(closed ?? -1)
        self.deadline.append(deadline ?? -1)
        for dimension in StatsDimension.allCases {
            let key = unitKeys[dimension] ?? nil
            var position: Int32 = -1
            if let key {
                if let known = positions[dimension]?[key] { position = known } else {
                    position = Int32(keys[dimension, default: []].count)
                    keys[dimension, default: []].append(key)
                    positions[dimension, default: [:]][key] = position
                }
            }
            keyIndex[dimension, default: []].append(position)
        }
    }

    public var count: Int { reported.count }

    /// Figures per group of `dimension` for events reported in [from, to), at `now`, optionally
    /// within one town; groups ordered by key.
    public func stats(by dimension: StatsDimension, from: Int64, to: Int64, now: Int64, town: String? = nil) -> [GroupStats] {
        let groupOf = keyIndex[dimension] ?? [], groupKeys = keys[dimension] ?? []
        let townFilter = town.flatMap { t in keys[.town]?.firstIndex(of: t).map(Int32.init) }
        if town != nil && townFilter == nil { return [] }
        let townOf = keyIndex[.town] ?? []
        var received = [Int](repeating: 0, count: groupKeys.count)
        var overdue = received
        var durations = [[Double]](repeating: [], count: groupKeys.count)
        for i in 0..<count {
            let t = reported[i]
            guard t >= from, t < to else { continue }
            let g = Int(groupOf[i])
            guard g >= 0 else { continue }
            if let townFilter, townOf[i] != townFilter { continue }
            received[g] += 1
            let end = closed[i]
            if end >= 0 { durations[g].append(Double(end - t) / 3600) }
            let due = deadline[i]
            if due >= 0 && (end >= 0 ? end > due : now > due) { overdue[g] += 1 }
        }
        return groupKeys.indices.filter { received[$0] > 0 }.sorted { groupKeys[$0] < groupKeys[$1] }.map { g in
            var hours = durations[g]
            hours.sort()
            return GroupStats(key: groupKeys[g], received: received[g], closed: hours.count,
                              medianHours: Self.quantile(hours, 0.5), p90Hours: Self.quantile(hours, 0.9), overdue: overdue[g])
        }
    }

    /// Nearest-rank quantile of sorted values.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        return sorted[max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1)]
    }
}
