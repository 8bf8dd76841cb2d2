import GridMapCore
import Hummingbird

/// The permission each request needs, by method and path: the first matching rule decides. The
/// rules come from the routes as they are declared (``RouteTable``): each route's own permission
/// (a GET route's, by default `read`, also for HEAD) and the read groups (`/v1/export/…` needs
/// `export`), then any other GET or HEAD needs `read`, then
/// the change groups (`/v1/edits/…`, `/v1/grids/…` need `edit_boundaries`), then anything else
/// needs `administer`. `/healthz` is declared public.
struct AccessRules: Sendable {
    /// Methods (nil: any) and a path pattern's segments: `*` (or a parameter, `:name` or one with
    /// `{…}` in it) matches one segment, a final `**` the rest (none included).
    struct Rule: Sendable {
        let methods: Set<HTTPRequest.Method>?
        let pattern: [Substring]
        let permission: Permission?
        /// A second permission that will do instead (the county's routes into the loop).
        let alternative: Permission?

        init(_ methods: Set<HTTPRequest.Method>?, _ pattern: String, _ permission: Permission?, or alternative: Permission? = nil) {
            self.methods = methods
            self.pattern = pattern.split(separator: "/").map { $0.hasPrefix(":") || $0.contains("{") ? "*" : $0 }
            self.permission = permission
            self.alternative = alternative
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

    private let rules: [Rule]

    init(declared: [Rule], changeGroups: [Rule]) {
        rules = declared + [Rule([.get, .head], "/**", .read)] + changeGroups + [Rule(nil, "/**", .administer)]
    }

    /// What a request needs: a permission, or its alternative.
    struct Need: Sendable, Equatable {
        let permission: Permission
        let alternative: Permission?

        /// Whether `role` holds the permission or its alternative.
        func isMet(by role: AccessRole) -> Bool { role.may(permission) || alternative.map(role.may) == true }
        /// Only a read: served on a read-only store, unaudited.
        var isRead: Bool { permission.isRead && (alternative?.isRead ?? true) }
        /// The roles that meet it.
        var roles: [AccessRole] { AccessRole.allCases.filter(isMet) }
        /// `manage_events` or `manage_events or link_county`.
        var name: String { [permission, alternative].compactMap { $0?.rawValue }.joined(separator: " or ") }
    }

    /// What a request needs; nil when it is public.
    func need(_ method: HTTPRequest.Method, _ path: String) -> Need? {
        let segments = path.split(separator: "/")
        let rule = rules.first { $0.matches(method, segments) }!
        return rule.permission.map { Need(permission: $0, alternative: rule.alternative) }
    }

    /// The first permission a request needs; nil when it is public.
    func permission(_ method: HTTPRequest.Method, _ path: String) -> Permission? { need(method, path)?.permission }
}
