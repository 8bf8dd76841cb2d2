import ArgumentParser
import GridMapCore

/// `--encoding` and `--timezone`: how the text of an input file is read.
struct TextInputOptions: ParsableArguments {
    @Option(help: "utf8 or gb18030 (default: UTF-8 when the file is valid UTF-8, else GB18030).")
    var encoding: TextEncoding?
    @Option(help: ArgumentHelp("The zone of times written without one (default Asia/Shanghai); a zone with daylight saving is refused.",
                               valueName: "±HH:MM or IANA name"))
    var timezone: UTCOffset = .beijing

    /// How a report names them: `UTF-8; times without a zone read as +08:00`.
    func report(_ encoding: TextEncoding) -> String {
        "encoding \(encoding)\(encoding == .gb18030 && self.encoding == nil ? " (not UTF-8)" : ""); times without a zone read as UTC\(timezone)"
    }
}

extension TextEncoding: ExpressibleByArgument {}

extension UTCOffset: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public var defaultValueDescription: String { "Asia/Shanghai" }
}
