/// What a reader may see of personal data (保密管理) and where: every answer that carries
/// names, phones, reporters, descriptions or history actors is written for one viewer.
public struct Viewer: Sendable, Equatable {
    /// Where the reader's lists and layers reach.
    public var scope: AccessScope
    /// Personal fields inside the scope are shown in full (``Permission/viewPersonal``);
    /// otherwise they are masked (``PersonalMask``).
    public var seesPersonal: Bool
    /// The reader's role (nil: anonymous), for the moves an answer offers them.
    public var role: AccessRole?

    public init(scope: AccessScope, seesPersonal: Bool, role: AccessRole? = nil) {
        self.scope = scope
        self.seesPersonal = seesPersonal
        self.role = role
    }

    /// A request's reader: anonymous readers see everywhere, masked.
    public init(_ principal: Principal?) {
        self.init(scope: principal?.scope ?? .everywhere, seesPersonal: principal?.role.may(.viewPersonal) ?? false, role: principal?.role)
    }

    /// Whether the reader holds `permission`.
    public func may(_ permission: Permission) -> Bool { role?.may(permission) ?? false }

    /// The command line: whoever holds the database file sees everything.
    public static let owner = Viewer(scope: .everywhere, seesPersonal: true, role: .admin)
    /// Anyone: everywhere, masked.
    public static let anonymous = Viewer(scope: .everywhere, seesPersonal: false)

    /// Sees the personal fields of something placed in `town` and `village` in full.
    public func seesPersonal(town: String?, village: String?) -> Bool {
        seesPersonal && scope.covers(town: town, village: village)
    }
}

extension Viewer {
    /// Sees the event's personal fields in full.
    public func seesPersonal(_ event: EventRecord) -> Bool { seesPersonal(town: event.townCode, village: event.villageCode) }
}
