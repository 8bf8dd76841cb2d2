import GridMapGeometry

/// One row of the append-only audit log: who did what, when, from where, and how it ended.
public struct AuditEntry: Sendable, Equatable {
    /// The row id; nil until stored.
    public var id: Int64?
    /// The stored spelling of the instant (``Instant/iso``): the audit chain hashes this text.
    public var at: String
    /// The principal's name, `anonymous` for a request without a token, `cli:USER` on the command line.
    public var actor: String
    /// The principal's role; nil when there is none (anonymous, command line).
    public var role: AccessRole?
    /// What was done: `METHOD path` over HTTP, the command on the command line (`token create`).
    public var action: String
    /// What it was done to: the request's path, or a row (`token/3`).
    public var target: String?
    /// The HTTP status answered (refusals included); nil on the command line.
    public var status: Int?
    /// The client's IP address, or `cli`.
    public var origin: String
    /// More about it, a JSON object: the query string, ids of what was changed, never a body or a token.
    public var detail: [String: JSONValue]

    public init(id: Int64? = nil, at: String, actor: String, role: AccessRole?, action: String, target: String?,
                status: Int?, origin: String, detail: [String: JSONValue] = [:]) {
        self.id = id
        self.at = at
        self.actor = actor
        self.role = role
        self.action = action
        self.target = target
        self.status = status
        self.origin = origin
        self.detail = detail
    }
}

/// Who acts and from where, as the audit log names them.
public struct AuditActor: Sendable, Equatable {
    public var name: String
    public var role: AccessRole?
    public var origin: String

    public init(name: String, role: AccessRole?, origin: String) {
        self.name = name
        self.role = role
        self.origin = origin
    }

    /// A request's principal, or `anonymous` when it presented no token, from a client address.
    public init(_ principal: Principal?, origin: String) {
        self.init(name: principal?.name ?? "anonymous", role: principal?.role, origin: origin)
    }

    /// An entry of something this actor did.
    public func entry(_ action: String, target: String?, status: Int? = nil, detail: [String: JSONValue] = [:],
                      at: Instant = .now()) -> AuditEntry {
        AuditEntry(at: at.iso, actor: name, role: role, action: action, target: target, status: status, origin: origin, detail: detail)
    }
}
