import GridMapCore
import GridMapGeometry
import Hummingbird
import Synchronization

/// A request context that knows who is asking and from where; ``AccessMiddleware`` fills it in.
protocol AccessRequestContext: RequestContext {
    /// The client's IP address.
    var origin: String { get }
    /// The bearer token's holder; nil for a request without a token (public routes, and reads
    /// when `AccessPolicy.publicReads`).
    var principal: Principal? { get set }
    /// What the handler adds to this request's audit entry.
    var audit: AuditNotes { get }
}

/// GridMap's request context.
struct GridMapRequestContext: AccessRequestContext {
    var coreContext: CoreRequestContextStorage
    let origin: String
    var principal: Principal?
    let audit = AuditNotes()

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        origin = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

/// Fields a handler adds to the audit entry of its request, e.g. the id of the change it made:
/// `context.audit.record("change_id", .number(42))`. Shared by reference, so the middleware sees
/// them after the handler returns; `query` is the middleware's own.
final class AuditNotes: Sendable {
    private let fields = Mutex<[String: JSONValue]>([:])

    func record(_ key: String, _ value: JSONValue) { fields.withLock { $0[key] = value } }

    var recorded: [String: JSONValue] { fields.withLock { $0 } }
}
