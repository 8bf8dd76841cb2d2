import GridMapGeometry

/// Which events a density map counts: reported in [from, to), and
/// optionally of a category (with its sub-categories: `fire` matches `fire.passage`), platform,
/// status, town, village, or inside a longitude/latitude box.
public struct EventFilter: Sendable {
    public var from: Instant
    public var to: Instant
    public var category: String?
    public var platform: String?
    public var status: EventStatus?
    public var town: String?
    public var village: String?
    public var bbox: BoundingBox?

    public init(from: Instant, to: Instant) {
        self.from = from
        self.to = to
    }

    /// Every event, whenever reported (bounds far beyond any real time, so a period's length
    /// cannot overflow).
    public static var allTime: EventFilter {
        EventFilter(from: Instant(milliseconds: .min / 4), to: Instant(milliseconds: .max / 4))
    }

    /// The same filter over the period of equal length just before this one.
    public var previousPeriod: EventFilter {
        var previous = self
        previous.from = from.adding(milliseconds: from.milliseconds - to.milliseconds)
        previous.to = from
        return previous
    }
}

extension EventFactsTable {
    /// Positions of the events matching `filter`, ascending.
    public func rows(matching filter: EventFilter) -> [Int32] {
        guard let town = keyCondition(filter.town, .town), let village = keyCondition(filter.village, .village),
              let platform = keyCondition(filter.platform, .platform) else { return [] }
        let categories = filter.category.map { wanted in
            (keys[.category] ?? []).map { $0 == wanted || $0.hasPrefix(wanted + ".") }
        }
        let townOf = keyIndex[.town] ?? [], villageOf = keyIndex[.village] ?? []
        let platformOf = keyIndex[.platform] ?? [], categoryOf = keyIndex[.category] ?? []
        var rows: [Int32] = []
        let from = filter.from.milliseconds, to = filter.to.milliseconds
        for i in 0..<count {
            let t = reported[i]
            guard t >= from, t < to else { continue }
            if let town, townOf[i] != town { continue }
            if let village, villageOf[i] != village { continue }
            if let platform, platformOf[i] != platform { continue }
            if let categories, categoryOf[i] < 0 || !categories[Int(categoryOf[i])] { continue }
            if let status = filter.status, status != self.status[i] { continue }
            if let box = filter.bbox, !box.contains(points[i]) { continue }
            rows.append(Int32(i))
        }
        return rows
    }

    /// nil when no event can match (an unknown key); .some(nil) without a condition.
    private func keyCondition(_ key: String?, _ dimension: StatsDimension) -> Int32?? {
        guard let key else { return .some(nil) }
        return position(of: key, in: dimension).map { .some($0) } ?? nil
    }

    /// Events among `rows` per key of `dimension`, by key position (see ``keys``).
    public func counts(by dimension: StatsDimension, rows: [Int32]) -> [Int] {
        let keyOf = keyIndex[dimension] ?? []
        var counts = [Int](repeating: 0, count: keys[dimension]?.count ?? 0)
        for row in rows {
            let key = keyOf[Int(row)]
            if key >= 0 { counts[Int(key)] += 1 }
        }
        return counts
    }
}
