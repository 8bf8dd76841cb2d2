import ArgumentParser
import GridMapCore

/// The bounds on a command's work that requests have too: `--radius` within
/// ``CoverageOptions/radiusRange``, and ``WorkLimitExceeded`` as an error naming the limit (exit 2).
enum WorkLimits {
    /// `radius` if it is within ``CoverageOptions/radiusRange``; else says so and exits with status 2.
    static func radius(_ radius: Double) throws -> Double {
        let range = CoverageOptions.radiusRange
        guard radius.isFinite, range.contains(radius) else {
            printError("--radius must be \(range.lowerBound) to \(range.upperBound) m, not \(radius)")
            throw ExitCode(2)
        }
        return radius
    }

    /// Runs `body`, turning ``WorkLimitExceeded`` into an error message and exit status 2.
    static func bounded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as WorkLimitExceeded {
            printError("\(error); nothing was stored")
            throw ExitCode(error)
        }
    }
}
