import HTTPTypes
import Hummingbird

/// The console's session cookie, `gridmap_session`. Read straight from the request's `Cookie`
/// fields (Hummingbird's `request.cookies` parses every cookie into a `Cookie` with its
/// attributes: a tenth of a signed-in read's time); made for the sign-in and sign-out answers.
enum SessionCookie {
    static let name = "gridmap_session"
    private static let prefix = Array("\(name)=".utf8)

    /// The session cookie's value in `request`; nil when it sends none. Each `Cookie` field is
    /// scanned where it lies (HTTPTypes splits one into a field per pair, and joining them back
    /// costs more than the scan).
    static func value(in request: Request) -> String? {
        for field in request.headers where field.name == .cookie {
            if let value = value(inField: field.value.utf8) { return value }
        }
        return nil
    }

    /// The session cookie's value among a field's `name=value` pairs, separated by "; ".
    private static func value(inField bytes: String.UTF8View) -> String? {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            while start < bytes.endIndex, bytes[start] == UInt8(ascii: " ") { start = bytes.index(after: start) }
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
            let pair = bytes[start..<end]
            if pair.starts(with: prefix) { return String(Substring(pair.dropFirst(prefix.count))) }
            start = end == bytes.endIndex ? end : bytes.index(after: end)
        }
        return nil
    }

    /// The cookie holding `value`: HttpOnly, SameSite=Strict, for the whole site, Secure when `secure`.
    static func cookie(_ value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
