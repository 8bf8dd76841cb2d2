/// Patrol fixes from CSV: a header row naming the columns `member`, `time` (or `timestamp`),
/// `lon` (or `longitude`, `lng`), `lat` (or `latitude`) and optionally `accuracy` and `crs`, in
/// any order and any case; other columns are ignored. `member` may be left out when the member is
/// given for the file. Every row must have as many fields as the header.
enum PatrolCSVReader {
    private typealias Column = (field: PatrolRecord.Field, index: Int)

    static func fixes(_ bytes: UnsafeBufferPointer<UInt8>, options: PatrolParseOptions) throws(PatrolParseError) -> [PatrolFix] {
        var records = CSVByteRecords(bytes)
        guard try records.next() != nil else { return [] }
        let columns = try columns(records.fields)
        let missing = missingColumns(columns)
        guard missing.isEmpty else {
            throw PatrolParseError(.malformedCSV, "line 1: the header lacks " + missing.map { "\($0)" }.joined(separator: ", "))
        }
        if options.member == nil && !columns.contains(where: { $0.field == .member }) {
            throw PatrolParseError(.missingMember, "line 1: the header has no member column, and no member was given for the file")
        }
        let headerCount = records.fields.count
        var converter = PatrolRecordConverter(options: options, malformed: .malformedCSV)
        var fixes: [PatrolFix] = []
        while let line = try records.next() {
            if records.fields.count == 1 && records.fields[0].isEmpty { continue }
            guard records.fields.count == headerCount else {
                throw PatrolParseError(.malformedCSV,
                                       "line \(line): \(records.fields.count) fields where the header has \(headerCount)")
            }
            var record = PatrolRecord()
            for (field, index) in columns { record[field] = records.fields[index] }
            fixes.append(try converter.fix(record, line: line))
        }
        return fixes
    }

    /// True when the first record is a header naming at least time, lon and lat.
    static func hasHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var records = CSVByteRecords(bytes)
        guard (try? records.next()) != nil, let columns = try? columns(records.fields) else { return false }
        return missingColumns(columns).isEmpty
    }

    private static func missingColumns(_ columns: [Column]) -> [PatrolRecord.Field] {
        [.time, .lon, .lat].filter { field in !columns.contains { $0.field == field } }
    }

    /// The column index of each field the header names.
    private static func columns(_ header: [UnsafeBufferPointer<UInt8>]) throws(PatrolParseError) -> [Column] {
        var columns: [Column] = []
        for (index, name) in header.enumerated() {
            guard let field = PatrolRecord.Field(name: name) else { continue }
            guard !columns.contains(where: { $0.field == field }) else {
                throw PatrolParseError(.malformedCSV, "line 1: the header names \(field) twice")
            }
            columns.append((field, index))
        }
        return columns
    }
}
