import GridMapCore
import Hummingbird

/// The server's routes as they are declared, each with the permission it needs, so a path is
/// written once. Controllers declare into it; ``GridMapServer`` takes the ``AccessRules`` from it
/// for the access middleware and then adds the routes to the router (after the middleware, as
/// Hummingbird wraps each route in the middleware present when it is added).
final class RouteTable<Context: RequestContext> {
    private var rules: [AccessRules.Rule] = []
    private var changeGroups: [AccessRules.Rule] = []
    private var registrations: [(Router<Context>) -> Void] = []

    /// A GET route, answering HEAD too; a read unless said otherwise (`nil`: public).
    func get<Output: ResponseGenerator>(_ path: String, needs permission: Permission? = .read,
                                        use handler: @escaping @Sendable (Request, Context) async throws -> Output) {
        rules.append(AccessRules.Rule([.get, .head], path, permission))
        registrations.append { $0.get(RouterPath(path), use: handler) }
    }

    /// A POST route and the permission it needs (`nil`: public), or an alternative that will do.
    func post<Output: ResponseGenerator>(_ path: String, needs permission: Permission?, or alternative: Permission? = nil,
                                         use handler: @escaping @Sendable (Request, Context) async throws -> Output) {
        rules.append(AccessRules.Rule([.post], path, permission, or: alternative))
        registrations.append { $0.post(RouterPath(path), use: handler) }
    }

    /// A DELETE route and the permission it needs (`nil`: public).
    func delete<Output: ResponseGenerator>(_ path: String, needs permission: Permission?,
                                           use handler: @escaping @Sendable (Request, Context) async throws -> Output) {
        rules.append(AccessRules.Rule([.delete], path, permission))
        registrations.append { $0.delete(RouterPath(path), use: handler) }
    }

    /// GET and HEAD requests below `prefix` that no route declares need `permission` rather than `read`.
    func reads(below prefix: String, need permission: Permission) {
        rules.append(AccessRules.Rule([.get, .head], prefix + "/**", permission))
    }

    /// Changes (anything but GET and HEAD) below `prefix` that no route declares need
    /// `permission` rather than `administer`: the group's owner answers for them.
    func changes(below prefix: String, need permission: Permission) {
        changeGroups.append(AccessRules.Rule(nil, prefix + "/**", permission))
    }

    /// What each request needs: the declared routes, then reads, then the change groups, then `administer`.
    var accessRules: AccessRules { AccessRules(declared: rules, changeGroups: changeGroups) }

    /// Adds every declared route to `router`.
    func add(to router: Router<Context>) {
        for register in registrations { register(router) }
    }
}
