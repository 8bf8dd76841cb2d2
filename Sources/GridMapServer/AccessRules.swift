import GridMapCore
import Hummingbird

/// The permission each request needs, by method and path: the first matching rule decides. The
/// one place routes get their permissions; a route added without a rule here needs `administer`
/// unless it is a GET.
///
/// | method | path | needs |
/// |---|---|---|
/// | any | `/healthz` | nothing (public) |
/// | POST | `/v1/resolve` | `resolve` |
/// | POST | `/v1/events`, `/v1/events/{id}/transitions`, `/v1/people/absence` | `manage_events` |
/// | POST | `/v1/patrols` | `upload_patrols` |
/// | GET, HEAD | `/v1/export/…` | `export` |
/// | GET, HEAD | anything else | `read` |
/// | any other | `/v1/edits…`, `/v1/grids…` | `edit_boundaries` |
/// | any other | anything else | `administer` |
enum AccessRules {
    /// A path pattern's segments: `*` matches one segment, a final `**` the rest (none included).
    private struct Rule {
        let methods: Set<HTTPRequest.Method>?
        let pattern: [Substring]
        let permission: Permission?

        init(_ methods: Set<HTTPRequest.Method>?, _ pattern: String, _ permission: Permission?) {
            self.methods = methods
            self.pattern = pattern.split(separator: "/")
            self.permission = permission
        }

        func matches(_ method: HTTPRequest.Method, _ path: [Substring]) -> Bool {
            guard methods?.contains(method) ?? true else { return false }
            for (i, segment) in pattern.enumerated() {
                if segment == "**" { return true }
                guard i < path.count, segment == "*" || segment == path[i] else { return false }
            }
            return path.count == pattern.count
        }
    }

    private static let rules: [Rule] = [
        Rule(nil, "/healthz", nil),
        Rule([.post], "/v1/resolve", .resolve),
        Rule([.post], "/v1/events", .manageEvents),
        Rule([.post], "/v1/events/*/transitions", .manageEvents),
        Rule([.post], "/v1/people/absence", .manageEvents),
        Rule([.post], "/v1/patrols", .uploadPatrols),
        Rule([.get, .head], "/v1/export/**", .export),
        Rule([.get, .head], "/**", .read),
        Rule(nil, "/v1/edits/**", .editBoundaries),
        Rule(nil, "/v1/grids/**", .editBoundaries),
        Rule(nil, "/**", .administer),
    ]

    /// What a request needs; nil when it is public.
    static func permission(_ method: HTTPRequest.Method, _ path: String) -> Permission? {
        let segments = path.split(separator: "/")
        return rules.first { $0.matches(method, segments) }!.permission
    }
}
