@testable import GridMapCore
import GridMapGeometry
import Testing

/// Quantiles by selection against sorting.
@Suite struct QuantileTests {
    @Test func selectionEqualsNearestRankOfTheSortedValues() {
        var random = SplitMix64(seed: 5)
        for count in [1, 2, 3, 10, 101, 1_000] {
            let values = (0..<count).map { _ in (random.unit() * 50).rounded() }  // many ties
            let sorted = values.sorted()
            for q in [0.5, 0.9, 0.0, 1.0] {
                var scratch = values
                let expected = sorted[max(0, Int((q * Double(count)).rounded(.up)) - 1)]
                #expect(EventFactsTable.quantile(&scratch, q) == expected, "n=\(count) q=\(q)")
            }
        }
        var empty: [Double] = []
        #expect(EventFactsTable.quantile(&empty, 0.5) == nil)
    }
}
