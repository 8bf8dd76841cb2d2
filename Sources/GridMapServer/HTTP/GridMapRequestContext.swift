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

extension AccessRequestContext {
    /// Who acts, as the history and the audit log name them: the signed-in person or the token's
    /// holder (what a request body says is never trusted).
    var actor: String { principal?.name ?? "anonymous" }
    /// Where the request may reach.
    var scope: AccessScope { principal?.scope ?? .everywhere }
    /// What the request may see of personal data.
    var viewer: Viewer { Viewer(principal) }

    /// Refuses (403 `forbidden`) a caller whose role lacks `permission` for `what`, on a route
    /// that a second permission also opens.
    func requires(_ permission: Permission, for what: String) throws {
        guard let role = principal?.role, !role.may(permission) else { return }
        throw APIError(.forbidden, "forbidden", "role \(role.rawValue) lacks \(permission.rawValue), which \(what) needs")
    }
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
/// `context.audit.record("change_id", .number(42))`, and the objects whose personal data it showed
/// unmasked (`disclosed`), which make even a read audited (保密管理). Shared by reference, so the
/// middleware sees them after the handler returns; `query` is the middleware's own.
final class AuditNotes: Sendable {
    /// Most objects named in one entry; beyond, the entry counts them.
    static let namedDisclosures = 200

    private let fields = Mutex<[String: JSONValue]>([:])
    private let disclosures = Mutex<(named: [String], count: Int)>(([], 0))

    func record(_ key: String, _ value: JSONValue) { fields.withLock { $0[key] = value } }

    /// Notes that the personal data of `object` (a unit's code, `event/ID`) was shown in full.
    func disclosed(_ object: String?) {
        guard let object else { return }
        disclosures.withLock { held in
            held.count += 1
            if held.named.count < Self.namedDisclosures { held.named.append(object) }
        }
    }

    /// Notes the events whose personal data `viewer` saw in full: one lock for the page, and
    /// names made only for those the entry will name.
    func disclosed(events: [EventRecord], to viewer: Viewer) {
        let shown = events.filter(viewer.seesPersonal)
        guard !shown.isEmpty else { return }
        disclosures.withLock { held in
            held.count += shown.count
            let room = Swift.max(Self.namedDisclosures - held.named.count, 0)
            held.named += shown.prefix(room).map { "event/\($0.id)" }
        }
    }

    /// True when the handler showed personal data in full.
    var disclosedPersonal: Bool { disclosures.withLock { $0.count > 0 } }

    /// The fields recorded, with `personal` (the objects disclosed) and `personal_count` when any were.
    var recorded: [String: JSONValue] {
        var recorded = fields.withLock { $0 }
        let (named, count) = disclosures.withLock { $0 }
        if count > 0 {
            recorded["personal"] = .array(named.map(JSONValue.string))
            recorded["personal_count"] = .number(Double(count))
        }
        return recorded
    }
}
