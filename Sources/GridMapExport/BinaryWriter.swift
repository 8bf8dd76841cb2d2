import Foundation

/// Bytes of a binary file format, appended in the byte order each field needs.
struct BinaryBuffer {
    private(set) var data = Data()

    mutating func bigEndian(_ value: Int32) { withUnsafeBytes(of: value.bigEndian) { data.append(contentsOf: $0) } }
    mutating func littleEndian(_ value: Int32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func littleEndian(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func littleEndian(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func littleEndian(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
    mutating func byte(_ value: UInt8) { data.append(value) }
    mutating func bytes(_ value: some Sequence<UInt8>) { data.append(contentsOf: value) }
    mutating func zeros(_ count: Int) { data.append(contentsOf: repeatElement(0, count: count)) }
    mutating func removeAll() { data.removeAll(keepingCapacity: true) }
}

/// A file written front to back in buffered chunks, whose header is written last (Shapefile
/// headers hold the file's length and extent).
final class BinaryFile {
    private let handle: FileHandle
    var buffer = BinaryBuffer()
    /// Bytes written so far, buffered ones included.
    private(set) var length = 0

    init(creating path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ExportError("output", "cannot create '\(path)'")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    /// Appends what `write` puts into the buffer, flushing it past 1 MiB.
    func append(_ write: (inout BinaryBuffer) -> Void) throws {
        let before = buffer.data.count
        write(&buffer)
        length += buffer.data.count - before
        if buffer.data.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        try handle.write(contentsOf: buffer.data)
        buffer.removeAll()
    }

    /// Flushes, overwrites the first bytes with `header`, and closes.
    func close(header: Data) throws {
        try flush()
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: header)
        try handle.close()
    }
}
