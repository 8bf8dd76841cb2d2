import HummingbirdBcrypt

/// Passwords, hashed with bcrypt (hummingbird-auth's `Bcrypt`, cost 12: about a quarter of a
/// second per hash or check, which is what makes guessing slow).
public enum Password {
    /// The shortest password accepted.
    public static let minimumLength = 10
    /// bcrypt's cost (log2 of its rounds).
    public static let cost: UInt8 = 12

    /// The hash to store for `password`; refuses one shorter than ``minimumLength``. A lower
    /// `cost` is for tests only (the hash keeps its cost, so checking it is as fast).
    public static func hash(_ password: String, cost: UInt8 = cost) throws(AccountError) -> String {
        guard password.count >= minimumLength else { throw .passwordTooShort(minimum: minimumLength) }
        // bcrypt reads at most 72 bytes; longer passwords are accepted and cut there.
        return Bcrypt.hash(password, cost: cost)
    }

    /// True when `password` gives `hash`.
    public static func matches(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// A hash of nothing anyone knows, checked against when a name is unknown, so that an
    /// unknown name takes as long to refuse as a wrong password.
    public static let decoy = Bcrypt.hash("decoy: no account has this password", cost: cost)
}

/// An account refused or not found.
public enum AccountError: CodedError, Sendable, Equatable {
    case passwordTooShort(minimum: Int)
    case nameTaken(String)
    case unknownUser(String)
    case invalidName(String)
    /// A sign-in with a wrong name or password (which of the two is not said).
    case invalidCredentials
    /// Locked after repeated failures, until then.
    case locked(until: Instant)

    public var errorCode: String {
        switch self {
        case .passwordTooShort: "password_too_short"
        case .nameTaken: "user_exists"
        case .unknownUser: "unknown_user"
        case .invalidName: "invalid_name"
        case .invalidCredentials: "invalid_credentials"
        case .locked: "signin_locked"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .passwordTooShort, .invalidName: .invalidInput
        case .nameTaken: .conflict
        case .unknownUser: .notFound
        case .invalidCredentials: .unauthenticated
        case .locked: .throttled
        }
    }

    public var description: String {
        switch self {
        case .passwordTooShort(let minimum): "a password has at least \(minimum) characters"
        case .nameTaken(let name): "an account named '\(name)' exists"
        case .unknownUser(let name): "no account is named '\(name)'"
        case .invalidName(let problem): "the account's name \(problem)"
        case .invalidCredentials: "the name or the password is wrong"
        case .locked(let until): "too many failed sign-ins: this account is locked until \(until.iso)"
        }
    }
}
