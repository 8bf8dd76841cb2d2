import Crypto
import Foundation

/// SHA-256 over a sequence of fields in an unambiguous encoding: each field is its UTF-8 byte
/// count in decimal, `:`, and its bytes; a NULL is `~`. No two sequences of fields encode alike,
/// so no change of a field can be hidden by shifting text into its neighbour.
struct CanonicalHash {
    private var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func append(_ text: String?) {
        guard let text else { bytes.append(UInt8(ascii: "~")); return }
        bytes.append(contentsOf: String(text.utf8.count).utf8)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: text.utf8)
    }

    /// An integer as its decimal text.
    mutating func append(_ number: Int64?) { append(number.map { String($0) }) }

    /// A number in Swift's shortest round-tripping spelling (`119.7247`, not `119.72470000000001`).
    mutating func append(_ number: Double) { append("\(number)") }

    /// The digest.
    var digest: SHA256.Digest { SHA256.hash(data: bytes) }

    /// The digest in lowercase hex.
    var hex: String { Self.hex(digest) }

    /// Lowercase hex of a digest.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
