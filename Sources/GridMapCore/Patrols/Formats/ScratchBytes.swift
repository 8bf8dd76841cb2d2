/// A byte buffer for field values that must be rewritten (CSV doubled quotes, JSON escapes), so
/// that every field of a record can be handed out as a pointer. Views of it stay valid until the
/// next `reset(capacity:)`, which is called once per record with the record's raw length (the
/// rewritten values are never longer than the raw text).
struct ScratchBytes: ~Copyable {
    private var storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256)
    private var count = 0

    init() {}

    deinit { storage.deallocate() }

    /// Empties the buffer and makes room for `capacity` bytes.
    mutating func reset(capacity: Int) {
        count = 0
        if capacity > storage.count {
            storage.deallocate()
            storage = .allocate(capacity: max(capacity, 2 * storage.count))
        }
    }

    mutating func append(_ byte: UInt8) {
        storage[count] = byte
        count += 1
    }

    /// The bytes appended since `start` (a `count` taken earlier).
    func view(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: storage[start..<count])
    }

    var end: Int { count }
}
