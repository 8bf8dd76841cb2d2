import ArgumentParser
import GridMapCore

/// A time on the command line, read as the HTTP API reads one: ISO 8601; a time without a zone is
/// Beijing time, and a plain date the Beijing day's first instant (00:00+08:00).
extension Instant: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument, zone: .beijing) }

    public var defaultValueDescription: String { iso }
}
