import Foundation
import GridMapGeometry

/// What statistics group events by.
public enum StatsDimension: String, CaseIterable, Sendable {
    case grid, village, town, platform, category
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
    /// Of those reported, the ones handled after their deadline or still open past it (held ones aside: ``EventStatus/isHeld``).
    public var overdue: Int
    /// Of those reported, the ones parked (挂账) now.
    public var parked: Int = 0
    /// Of those reported, the ones with the county (上报) now.
    public var escalated: Int = 0
}

extension EventFactsTable {
    /// Figures per group of `dimension` for events reported in [from, to), at `now`, optionally
    /// within one town; groups ordered by key.
    public func stats(by dimension: StatsDimension, from: Instant, to: Instant, now: Instant, town: String? = nil) -> [GroupStats] {
        let groupOf = keyIndex[dimension] ?? [], groupKeys = keys[dimension] ?? []
        let townFilter = town.flatMap { t in keys[.town]?.firstIndex(of: t).map(Int32.init) }
        if town != nil && townFilter == nil { return [] }
        let townOf = keyIndex[.town] ?? []
        var received = [Int](repeating: 0, count: groupKeys.count)
        var overdue = received, parked = received, escalated = received
        var durations = [[Double]](repeating: [], count: groupKeys.count)
        let from = from.milliseconds, to = to.milliseconds, now = now.milliseconds
        for i in 0..<count {
            let t = reported[i]
            guard t >= from, t < to else { continue }
            let g = Int(groupOf[i])
            guard g >= 0 else { continue }
            if let townFilter, townOf[i] != townFilter { continue }
            received[g] += 1
            let end = closed[i]
            if end >= 0 { durations[g].append(Double(end - t) / 3_600_000) }
            if status[i] == .parked { parked[g] += 1; continue }
            if status[i] == .escalated { escalated[g] += 1; continue }
            let due = deadline[i]
            if due >= 0 && (end >= 0 ? end > due : now > due) { overdue[g] += 1 }
        }
        return groupKeys.indices.filter { received[$0] > 0 }.sorted { groupKeys[$0] < groupKeys[$1] }.map { g in
            var hours = durations[g]
            let median = Self.quantile(&hours, 0.5), p90 = Self.quantile(&hours, 0.9)
            return GroupStats(key: groupKeys[g], received: received[g], closed: hours.count,
                              medianHours: median, p90Hours: p90, overdue: overdue[g], parked: parked[g],
                              escalated: escalated[g])
        }
    }

    /// Nearest-rank quantile, by selection (Hoare's quickselect, O(n) on average; reorders `values`).
    static func quantile(_ values: inout [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let k = max(0, Int((q * Double(values.count)).rounded(.up)) - 1)
        var low = 0, high = values.count - 1
        var random = SplitMix64(seed: UInt64(values.count))
        while low < high {
            let pivot = values[low + Int(random.next() % UInt64(high - low + 1))]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { high = j } else if k >= i { low = i } else { break }
        }
        return values[k]
    }
}
