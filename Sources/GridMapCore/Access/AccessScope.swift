/// Where a person or token may act: everywhere, one town or one village. Lists and layers are
/// filtered to it, a single object outside it is not found, a change outside it is refused
/// (``ScopeError``). Boundaries are public geography and are not filtered; the people attached to
/// them outside the scope are left out.
public enum AccessScope: Sendable, Hashable {
    case everywhere
    case town(String)
    case village(String)

    /// A scope from its stored spelling (`town`/`village` and a code; nil level: everywhere).
    public init?(level: String?, code: String?) {
        switch (level, code) {
        case (nil, _): self = .everywhere
        case ("town", let code?): self = .town(code)
        case ("village", let code?): self = .village(code)
        default: return nil
        }
    }

    /// `town` or `village`; nil everywhere.
    public var level: String? {
        switch self {
        case .everywhere: nil
        case .town: "town"
        case .village: "village"
        }
    }

    /// The town's or village's code; nil everywhere.
    public var code: String? {
        switch self {
        case .everywhere: nil
        case .town(let code), .village(let code): code
        }
    }

    /// True when something placed in `town` and `village` (either nil when unknown) is inside.
    /// Something placed nowhere is inside only the unscoped.
    public func covers(town: String?, village: String?) -> Bool {
        switch self {
        case .everywhere: true
        case .town(let code): town == code
        case .village(let code): village == code
        }
    }

    /// The scope as errors and logs name it: `everywhere`, `town 330602001`.
    public var label: String {
        switch self {
        case .everywhere: "everywhere"
        case .town(let code): "town \(code)"
        case .village(let code): "village \(code)"
        }
    }
}

/// A change or a read refused because its object lies outside the caller's scope.
public struct ScopeError: CodedError, Sendable, Equatable {
    public var scope: AccessScope
    public var what: String

    public init(scope: AccessScope, what: String) {
        self.scope = scope
        self.what = what
    }

    public var errorCode: String { "out_of_scope" }
    public var failureKind: FailureKind { .forbidden }
    public var description: String { "\(what) lies outside your scope (\(scope.label))" }
}

extension AccessScope {
    /// The scope of `--town` or `--village` (at most one), checked against the current units
    /// (``UnknownScopeUnit`` for a code that is none of them).
    public static func named(town: String?, village: String?, in snapshot: AdminSnapshot) throws -> AccessScope {
        switch (town, village) {
        case (nil, nil): return .everywhere
        case (let town?, nil):
            guard snapshot.towns.contains(where: { $0.unit.code == town }) else { throw UnknownScopeUnit(level: .town, code: town) }
            return .town(town)
        case (nil, let village?):
            guard snapshot.villages.contains(where: { $0.unit.code == village }) else { throw UnknownScopeUnit(level: .village, code: village) }
            return .village(village)
        case (.some, .some): throw UnknownScopeUnit(level: nil, code: "")
        }
    }
}

/// A scope naming a town or village that does not exist, or both at once.
public struct UnknownScopeUnit: CodedError, Sendable {
    public var level: AdminLevel?
    public var code: String

    public var errorCode: String { "invalid_scope" }
    public var failureKind: FailureKind { .invalidInput }
    public var description: String {
        guard let level else { return "a scope is a town or a village, not both" }
        return "no \(level.rawValue) has code '\(code)'"
    }
}

extension AccessScope {
    /// True when the grid or village `code` (of `level`) lies inside, as `snapshot` places it; a
    /// code it does not hold is inside only the unscoped.
    public func covers(unit code: String, level: AdminLevel, in snapshot: AdminSnapshot) -> Bool {
        if self == .everywhere { return true }
        let village = level == .grid ? snapshot.grids.first { $0.unit.code == code }?.unit.parentCode : code
        let town = village.flatMap { village in snapshot.villages.first { $0.unit.code == village }?.unit.parentCode }
        return covers(town: town, village: village)
    }
}
