import CZlib

/// gzip (RFC 1952) compression, as MBTiles stores vector tiles and as HTTP sends them with
/// `Content-Encoding: gzip`.
public enum Gzip {
    /// `bytes` in one gzip member, deflated at zlib's default level.
    public static func compress(_ bytes: [UInt8]) throws(GzipError) -> [UInt8] {
        var stream = z_stream()
        let started = CZlib_deflateInitGzip(&stream, Z_DEFAULT_COMPRESSION)
        guard started == Z_OK else { throw GzipError(code: started, stream: stream) }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        let status = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                // zlib only reads through next_in; it is not declared const without ZLIB_CONST.
                stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
                stream.avail_in = uInt(input.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        // With room for deflateBound's worst case, one Z_FINISH call ends the stream.
        guard status == Z_STREAM_END else { throw GzipError(code: status, stream: stream) }
        output.removeLast(Int(stream.avail_out))
        return output
    }
}

/// A zlib failure (in practice only lack of memory).
public struct GzipError: Error, CustomStringConvertible {
    public var code: Int32
    public var message: String?

    init(code: Int32, stream: z_stream) {
        self.code = code
        message = stream.msg.map { String(cString: $0) }
    }

    public var description: String { "gzip compression failed: zlib status \(code)" + (message.map { ", \($0)" } ?? "") }
}
