import Foundation

/// Unguessable text for tokens and sessions: 32 bytes from the system's secure random source
/// (`getrandom` on Linux), in base64url without padding (43 characters).
public enum SecretToken {
    public static func random() -> String {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
