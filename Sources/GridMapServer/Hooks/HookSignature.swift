import Crypto
import Foundation
import NIOCore

/// `X-GridMap-Signature`: `sha256=` and the hex HMAC-SHA256 of the exact body bytes under the
/// hook's secret, so a receiver can tell GridMap's deliveries from anyone else's.
enum HookSignature {
    static func header(body: ByteBuffer, secret: String) -> String {
        let code = body.withUnsafeReadableBytes { bytes in
            HMAC<SHA256>.authenticationCode(for: bytes, using: SymmetricKey(data: Data(secret.utf8)))
        }
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }
}
