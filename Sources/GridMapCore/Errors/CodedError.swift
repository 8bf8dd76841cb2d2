/// A domain error with a stable code: what clients, scripts and logs match on. Its kind is
/// mapped once to an HTTP status (the server) and once to an exit status (the command line); its
/// `description` is the sentence shown to people, never parsed.
public protocol CodedError: Error, CustomStringConvertible {
    /// snake_case and stable across releases: `unknown_event`, `illegal_transition`, ….
    var errorCode: String { get }
    var failureKind: FailureKind { get }
}

/// What went wrong, as callers act on it.
public enum FailureKind: Sendable, CaseIterable {
    /// The input is malformed or out of range, or names something unknown: fix it and retry.
    case invalidInput
    /// The input names something that does not exist.
    case notFound
    /// Well-formed, but a rule refuses it (a point outside every town, an edit breaking its checks).
    case unprocessable
    /// It contradicts what is stored (an illegal move of the loop, a re-delivered event).
    case conflict
    /// It was made against a version that has changed since: read again, then retry.
    case stale
    /// The caller is not signed in, or their name and password do not match.
    case unauthenticated
    /// The caller may not do this (their role, or their scope: `out_of_scope`).
    case forbidden
    /// Too many attempts (a sign-in locked after failures): wait, then retry.
    case throttled
    /// The store takes no changes now (opened read-only): retry elsewhere or later.
    case unavailable
}
