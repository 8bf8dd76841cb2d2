/// How a choropleth's values are split into classes.
public enum ClassificationMethod: String, Sendable, CaseIterable {
    /// Equal numbers of values per class.
    case quantile
    /// Jenks natural breaks (Fisher's exact optimisation): least squared deviation within classes.
    case jenks
}

/// Class breaks: the upper bound of each class, ascending; the last is the maximum.
public struct ClassBreaks: Sendable, Equatable {
    public let upperBounds: [Double]

    /// Breaks for `values` in at most `classes` classes (fewer when there are fewer distinct values).
    public init(_ values: [Double], classes: Int, method: ClassificationMethod) {
        let sorted = values.sorted()
        let distinct = sorted.reduce(into: [Double]()) { if $0.last != $1 { $0.append($1) } }
        let classes = min(max(1, classes), distinct.count)
        guard classes > 0 else { upperBounds = []; return }
        switch method {
        case .quantile:
            upperBounds = (1...classes).map { i in sorted[max(0, Int((Double(i) / Double(classes) * Double(sorted.count)).rounded(.up)) - 1)] }
                .reduce(into: []) { if $0.last != $1 { $0.append($1) } }
        case .jenks:
            upperBounds = Self.jenks(sorted, classes: classes)
        }
    }

    /// The 1-based class of `value` (values above the last bound fall in the last class).
    public func classOf(_ value: Double) -> Int {
        (upperBounds.firstIndex { value <= $0 } ?? upperBounds.count - 1) + 1
    }

    /// Fisher–Jenks by dynamic programming over sorted values: O(classes · n²).
    private static func jenks(_ sorted: [Double], classes k: Int) -> [Double] {
        let n = sorted.count
        // lower[l][j]: 1-based index of the first value of class j when the first l values form j classes.
        var lower = [[Int]](repeating: [Int](repeating: 1, count: k + 1), count: n + 1)
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: k + 1), count: n + 1)
        for j in 1...k { cost[0][j] = 0 }
        for l in 1...n {
            var sum = 0.0, squares = 0.0
            for m in 1...l {
                let first = l - m + 1, value = sorted[first - 1]
                sum += value
                squares += value * value
                let variance = squares - sum * sum / Double(m)
                if first == 1 {
                    cost[l][1] = variance
                } else if k >= 2 {
                    for j in 2...k where cost[first - 1][j - 1] + variance <= cost[l][j] {
                        lower[l][j] = first
                        cost[l][j] = cost[first - 1][j - 1] + variance
                    }
                }
            }
        }
        var bounds = [Double](repeating: sorted[n - 1], count: k)
        var end = n
        for j in stride(from: k, through: 2, by: -1) {
            let first = lower[end][j]
            bounds[j - 2] = sorted[first - 2]
            end = first - 1
        }
        return bounds
    }
}
