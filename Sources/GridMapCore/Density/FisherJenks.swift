/// Fisher's exact optimal partition of ordered values into contiguous classes (Jenks natural
/// breaks): the least total squared deviation from the class means.
///
/// The dynamic programme runs over the *distinct* values weighted by their multiplicity — an
/// optimal 1-D least-squares partition never splits equal values, so this is exact and far
/// smaller on densities that repeat (every grid without an event is 0). Each class's cost is
/// O(1) from prefix sums of weights, values and squares (centred on the mean to keep the
/// differences accurate), and because that cost satisfies the quadrangle inequality the first
/// value of the last class is monotone in the number of values covered (Grønlund et al., "Fast
/// exact k-means, k-medians and Bregman divergence clustering in 1D", 2017). Each layer of the
/// programme is therefore solved by divide and conquer in O(m log m): O(k · m log m) in all for
/// m distinct values and k classes, against O(k · n²) for the textbook algorithm — and the same
/// answer at every size, so no sampling threshold is needed.
enum FisherJenks {
    /// The upper bound (largest value) of each class, ascending; the last is the largest value.
    /// `values` are distinct and ascending, `weights` their positive multiplicities, and
    /// `1 <= classes <= values.count`.
    static func upperBounds(values: [Double], weights: [Double], classes k: Int) -> [Double] {
        let m = values.count
        precondition(m == weights.count && 1 <= k && k <= m)
        let costs = ClassCosts(values: values, weights: weights)
        // best[l]: least cost of the first l values in j classes; first[j][l]: where class j starts.
        var best = (0...m).map { costs.cost(0, $0) }
        var first = [[Int]](repeating: [], count: k + 1)
        for j in stride(from: 2, through: k, by: 1) {
            var layer = [Double](repeating: .infinity, count: m + 1)
            var starts = [Int](repeating: 0, count: m + 1)
            // Only the last layer's full cover is needed; earlier layers stop where enough values
            // remain for the classes still to come.
            let low = j, high = m - (k - j)
            if j == k {
                (layer[m], starts[m]) = bestStart(of: m, in: j - 1...m - 1, previous: best, costs: costs)
            } else {
                solve(low...high, starts: j - 1...high - 1, previous: best, costs: costs, layer: &layer, chosen: &starts)
            }
            best = layer
            first[j] = starts
        }
        var bounds = [Double](repeating: values[m - 1], count: k)
        var end = m
        for j in stride(from: k, through: 2, by: -1) {
            let start = first[j][end]
            bounds[j - 2] = values[start - 1]
            end = start
        }
        return bounds
    }

    /// Fills `layer[l]` for every `l` in `ends`, knowing that the best starts lie in `starts`
    /// and are monotone in `l`.
    private static func solve(_ ends: ClosedRange<Int>, starts: ClosedRange<Int>, previous: [Double], costs: ClassCosts,
                              layer: inout [Double], chosen: inout [Int]) {
        let mid = (ends.lowerBound + ends.upperBound) / 2
        let (cost, start) = bestStart(of: mid, in: starts.lowerBound...min(starts.upperBound, mid - 1), previous: previous, costs: costs)
        layer[mid] = cost
        chosen[mid] = start
        if ends.lowerBound < mid {
            solve(ends.lowerBound...mid - 1, starts: starts.lowerBound...start, previous: previous, costs: costs, layer: &layer, chosen: &chosen)
        }
        if mid < ends.upperBound {
            solve(mid + 1...ends.upperBound, starts: start...starts.upperBound, previous: previous, costs: costs, layer: &layer, chosen: &chosen)
        }
    }

    /// The least cost of the first `end` values with the last class starting in `starts`, and the
    /// first (smallest) start reaching it.
    private static func bestStart(of end: Int, in starts: ClosedRange<Int>, previous: [Double], costs: ClassCosts) -> (Double, Int) {
        var cost = Double.infinity, start = starts.lowerBound
        for s in starts {
            let candidate = previous[s] + costs.cost(s, end)
            if candidate < cost { (cost, start) = (candidate, s) }
        }
        return (cost, start)
    }

    /// Within-class squared deviation of any run of the values in O(1).
    private struct ClassCosts {
        private var weight: [Double], sum: [Double], squares: [Double]

        init(values: [Double], weights: [Double]) {
            let total = weights.reduce(0, +)
            let mean = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
            (weight, sum, squares) = ([0], [0], [0])
            for (value, w) in zip(values, weights) {
                let centred = value - mean
                weight.append(weight.last! + w)
                sum.append(sum.last! + w * centred)
                squares.append(squares.last! + w * centred * centred)
            }
        }

        /// The squared deviation from their mean of values `from ..< to` (0-based).
        func cost(_ from: Int, _ to: Int) -> Double {
            guard to > from else { return 0 }
            let w = weight[to] - weight[from], s = sum[to] - sum[from]
            return max(0, squares[to] - squares[from] - s * s / w)
        }
    }
}
