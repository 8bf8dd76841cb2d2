/// Everything GridMap stores, as one backend implements it: chosen once, where the program
/// starts (`gridmap serve`, each command), and handed to the server, exports and commands.
public protocol GridMapRepository: BoundaryRepository, EventRepository, PatrolRepository, TaxonomyRepository, OperationRepository, OutboxRepository, HookRepository, AssessmentRepository,
    PeopleRepository, AccessRepository, AccountRepository {
    /// Opened read-only: reads are served, every write throws ``ReadOnlyStoreError``.
    var isReadOnly: Bool { get }
    /// Where the data lives, for logs (a file path, a connection's database).
    var location: String { get }
}

/// A write refused because the store is open read-only.
public struct ReadOnlyStoreError: CodedError, Sendable {
    public init() {}
    public var description: String {
        "the database is open read-only (its file is not writable, or gridmap serve --read-only): reads are served, changes are not"
    }
    public var errorCode: String { "read_only_database" }
    public var failureKind: FailureKind { .unavailable }
}

/// A read-only database whose schema is older than this build's: it must be migrated by opening
/// it writable once.
public struct ReadOnlyDatabaseError: CodedError {
    public let path: String
    public let missingMigration: String

    public init(path: String, missingMigration: String) {
        self.path = path
        self.missingMigration = missingMigration
    }

    public var errorCode: String { "read_only_database" }
    public var failureKind: FailureKind { .unavailable }

    public var description: String {
        "\(path) is read-only and lacks migration '\(missingMigration)'; open it writable once (e.g. gridmap serve without --read-only) to migrate it"
    }
}
