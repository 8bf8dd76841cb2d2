import ArgumentParser
import GridMapCore

extension FailureKind {
    /// The exit status of a command that fails with an error of this kind: 2 when it refuses its
    /// input (malformed, unknown, breaking a rule), 3 when the input contradicts what is stored
    /// (an illegal move, a version changed since), 4 when the database takes no changes now, 5 when
    /// it is not allowed (a wrong password, a scope, a lockout). 1
    /// stays for failures that are not the input's (a file that cannot be read, an internal error).
    var exitStatus: Int32 {
        switch self {
        case .invalidInput, .notFound, .unprocessable: 2
        case .conflict, .stale: 3
        case .unavailable: 4
        case .unauthenticated, .forbidden, .throttled: 5
        }
    }
}

extension ExitCode {
    /// The exit of a command refused with `error`, once it has said why.
    init(_ error: some CodedError) { self.init(error.failureKind.exitStatus) }
}
