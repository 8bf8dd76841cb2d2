/// The quartic (biweight) kernel around one point at a time, sampled at cell centres, in cell
/// units (cell (c, q) has its centre at (c, q)). Holds scratch space: one per thread.
///
/// A cell whose centre lies at distance d < h from the point gets (1 − d²/h²)²: the kernel
/// 3/(πh²)·(1 − d²/h²)² without its constant, which the normalisation cancels. The kernel is
/// (a_c − b_q)² with a_c = 1 − (c − u)²/h² and b_q = (q − v)²/h², so the sum over a row's cells
/// needs only prefix sums of a and a² over the columns: Σ a² − 2b·Σ a + n·b².
final class QuarticFootprint {
    /// The bandwidth h in cells.
    let radius: Double
    private let radiusSquared: Double
    private let inverseRadiusSquared: Double
    /// For the current point: a_c by column and prefix sums of a and a² (from its first column),
    /// b_q by row and each row's cells within the bandwidth (from its first row).
    private let a, sumA, sumA2, b: UnsafeMutableBufferPointer<Double>
    private let rowStarts, rowEnds: UnsafeMutableBufferPointer<Int>

    init(radius: Double) {
        self.radius = radius
        radiusSquared = radius * radius
        inverseRadiusSquared = 1 / radiusSquared
        let width = Int(2 * radius) + 2
        a = .allocate(capacity: width)
        sumA = .allocate(capacity: width + 1)
        sumA2 = .allocate(capacity: width + 1)
        b = .allocate(capacity: width)
        rowStarts = .allocate(capacity: width)
        rowEnds = .allocate(capacity: width)
    }

    deinit {
        for buffer in [a, sumA, sumA2, b] { buffer.deallocate() }
        rowStarts.deallocate()
        rowEnds.deallocate()
    }

    /// Adds `amount` to `values` (rows of `columns` cells), spread over the cells whose centres
    /// lie within the bandwidth of (u, v) in proportion to the kernel there, normalised over all
    /// those cells, including those beyond the raster; only rows in `rows` are written.
    func spread(_ amount: Double, u: Double, v: Double, rows: ClosedRange<Int>,
                into values: UnsafeMutablePointer<Double>, columns: Int) {
        let firstColumn = Self.ceiling(u - radius), lastColumn = Self.floor(u + radius)
        let firstRow = Self.ceiling(v - radius), lastRow = Self.floor(v + radius)
        let first = Swift.max(firstRow, rows.lowerBound), last = Swift.min(lastRow, rows.upperBound)
        guard first <= last else { return }
        sumA[0] = 0
        sumA2[0] = 0
        for j in 0...(lastColumn - firstColumn) {
            let dx = Double(firstColumn + j) - u
            a[j] = 1 - dx * dx * inverseRadiusSquared
            sumA[j + 1] = sumA[j] + a[j]
            sumA2[j + 1] = sumA2[j] + a[j] * a[j]
        }
        var total = 0.0
        for k in 0...(lastRow - firstRow) {
            let dy = Double(firstRow + k) - v
            let halfWidth = Swift.max(radiusSquared - dy * dy, 0).squareRoot()
            let start = Swift.max(0, Self.ceiling(u - halfWidth) - firstColumn)
            let end = Swift.max(start, Swift.min(lastColumn - firstColumn, Self.floor(u + halfWidth) - firstColumn) + 1)
            b[k] = dy * dy * inverseRadiusSquared
            rowStarts[k] = start
            rowEnds[k] = end
            total += sumA2[end] - sumA2[start] - 2 * b[k] * (sumA[end] - sumA[start]) + Double(end - start) * b[k] * b[k]
        }
        let scale = amount / total
        for row in first...last {
            let k = row - firstRow
            let start = Swift.max(rowStarts[k], -firstColumn), end = Swift.min(rowEnds[k], columns - firstColumn)
            guard start < end else { continue }
            let offset = row * columns + firstColumn, bk = b[k]
            for j in start..<end {
                let t = a[j] - bk
                values[offset + j] += scale * t * t
            }
        }
    }

    /// ⌈x⌉ and ⌊x⌋ for |x| < 2⁶³ by truncation, which x86-64 does in one instruction (`rounded`
    /// calls libm there).
    @inline(__always)
    private static func ceiling(_ x: Double) -> Int {
        let truncated = Int(x)
        return x > Double(truncated) ? truncated + 1 : truncated
    }

    @inline(__always)
    private static func floor(_ x: Double) -> Int {
        let truncated = Int(x)
        return x < Double(truncated) ? truncated - 1 : truncated
    }
}
