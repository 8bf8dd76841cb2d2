/// Many short pieces of rendered JSON in one contiguous byte array, addressed by position, so a
/// hot loop can copy piece `i` with plain pointer arithmetic.
struct RenderedParts: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    init<S: Sequence>(_ pieces: S) where S.Element == [UInt8] {
        for piece in pieces {
            bytes += piece
            ends.append(bytes.count)
        }
    }

    /// Calls `body` with a view of the pieces valid for the duration of the call.
    func withView<R>(_ body: (View) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { bytes in
            try ends.withUnsafeBufferPointer { ends in try body(View(bytes: bytes, ends: ends)) }
        }
    }

    struct View {
        let bytes: UnsafeRawBufferPointer
        let ends: UnsafeBufferPointer<Int>

        subscript(_ i: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]])
        }
    }
}
