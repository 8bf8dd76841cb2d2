/// How an import behaves.
public struct ImportOptions: Sendable {
    /// Repair invalid geometries with MakeValid (reported) instead of rejecting them.
    public var repair = false
    /// When changed boundaries take effect; default now. New units use the manifest's
    /// `valid_from` when there is one.
    public var validFrom: Instant?
    /// Overrides the manifest's `grid_code_suffix_digits`.
    public var gridCodeSuffixDigits: Int?
    /// Forces the encoding of people.csv and duty.csv (default: UTF-8, else GB18030).
    public var encoding: TextEncoding?

    public init(repair: Bool = false, validFrom: Instant? = nil, gridCodeSuffixDigits: Int? = nil, encoding: TextEncoding? = nil) {
        self.repair = repair
        self.validFrom = validFrom
        self.gridCodeSuffixDigits = gridCodeSuffixDigits
        self.encoding = encoding
    }
}

/// What an import did, per level, plus the validator's warnings and repairs.
public struct ImportSummary: Sendable {
    public struct Counts: Sendable, Equatable {
        public var added = 0, changed = 0, unchanged = 0, retired = 0
        public init() {}
    }
    public var dataset: String
    public var counts: [AdminLevel: Counts] = [:]
    public var people: Int?
    /// Towns whose platform model was added or replaced.
    public var taxonomies: [String] = []
    /// Towns whose assessment scheme was added or replaced.
    public var assessmentSchemes: [String] = []
    public var report: ValidationReport
    /// The encoding each CSV file was read in.
    public var textEncodings: [String: TextEncoding] = [:]

    public init(dataset: String, report: ValidationReport, textEncodings: [String: TextEncoding] = [:]) {
        self.dataset = dataset
        self.report = report
        self.textEncodings = textEncodings
    }

    /// True when nothing stored changed (re-import of the same data).
    public var isNoOp: Bool {
        counts.values.allSatisfy { $0.added + $0.changed + $0.retired == 0 } && people == nil && taxonomies.isEmpty
            && assessmentSchemes.isEmpty
    }
}
