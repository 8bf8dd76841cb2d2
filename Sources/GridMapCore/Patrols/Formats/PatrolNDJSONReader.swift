/// Patrol fixes from NDJSON: one JSON object per line with the keys of the CSV columns (`member`,
/// `time`, `lon`, `lat`, optional `accuracy` and `crs`), as strings or numbers (`null` counts as
/// absent); other keys are skipped. Blank lines are skipped.
enum PatrolNDJSONReader {
    static func fixes(_ bytes: UnsafeBufferPointer<UInt8>, options: PatrolParseOptions) throws(PatrolParseError) -> [PatrolFix] {
        var converter = PatrolRecordConverter(options: options, malformed: .malformedJSON)
        var scratch = ScratchBytes()
        var fixes: [PatrolFix] = []
        var start = PatrolFields.textStart(bytes), line = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
            var scanner = JSONLineScanner(text, line: line)
            if !scanner.atEnd() {
                scratch.reset(capacity: text.count)
                let record = try record(&scanner, &scratch)
                guard scanner.atEnd() else { throw scanner.error("text after the object") }
                fixes.append(try converter.fix(record, line: line))
            }
            start = end + 1
            line += 1
        }
        return fixes
    }

    private static func record(_ scanner: inout JSONLineScanner, _ scratch: inout ScratchBytes) throws(PatrolParseError) -> PatrolRecord {
        var record = PatrolRecord()
        try scanner.beginObject()
        while let key = try scanner.nextKey(&scratch) {
            guard let field = PatrolRecord.Field(name: key) else {
                try scanner.skipValue(&scratch)
                continue
            }
            guard record[field] == nil else { throw scanner.error("\(field) is given twice") }
            switch try scanner.scalar(&scratch) {
            case .string(let value), .number(let value): record[field] = value
            case .null: break
            case .other: throw scanner.error("\(field) must be a string or a number")
            }
        }
        return record
    }
}
