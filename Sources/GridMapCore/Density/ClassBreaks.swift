/// How a choropleth's values are split into classes.
public enum ClassificationMethod: String, Sendable, CaseIterable {
    /// Equal numbers of values per class.
    case quantile
    /// Jenks natural breaks (Fisher's exact optimisation): least squared deviation within classes,
    /// exact at every size in O(k · m log m) for m distinct values (see `FisherJenks`).
    case jenks
}

/// Class breaks: the upper bound of each class, ascending; the last is the maximum.
public struct ClassBreaks: Sendable, Equatable {
    public let upperBounds: [Double]

    /// Breaks for `values` in at most `classes` classes (fewer when there are fewer distinct values).
    public init(_ values: [Double], classes: Int, method: ClassificationMethod) {
        let sorted = values.sorted()
        var distinct: [Double] = [], counts: [Double] = []
        for value in sorted {
            if distinct.last == value { counts[counts.count - 1] += 1 } else { distinct.append(value); counts.append(1) }
        }
        let classes = min(max(1, classes), distinct.count)
        guard classes > 0 else { upperBounds = []; return }
        switch method {
        case .quantile:
            upperBounds = (1...classes).map { i in sorted[max(0, Int((Double(i) / Double(classes) * Double(sorted.count)).rounded(.up)) - 1)] }
                .reduce(into: []) { if $0.last != $1 { $0.append($1) } }
        case .jenks:
            upperBounds = FisherJenks.upperBounds(values: distinct, weights: counts, classes: classes)
        }
    }

    /// The 1-based class of `value` (values above the last bound fall in the last class).
    public func classOf(_ value: Double) -> Int {
        (upperBounds.firstIndex { value <= $0 } ?? upperBounds.count - 1) + 1
    }
}
