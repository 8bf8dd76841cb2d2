import CSpatiaLite
import GRDB
import GridMapCore

/// Instants are stored as their ISO 8601 text (``Instant/iso``), so text order is time order and
/// SQL compares them as strings.
extension Instant: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Instant? {
        String.fromDatabaseValue(dbValue).flatMap { Instant(parsing: $0) }
    }
}

/// Read straight from SQLite's text, without making a string: the facts table reads three per event.
extension Instant: StatementColumnConvertible {
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        guard let text = sqlite3_column_text(sqliteStatement, index),
              let milliseconds = Timestamp.parseMilliseconds(utf8: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqliteStatement, index))))
        else { return nil }
        self.init(milliseconds: milliseconds)
    }
}

extension FastStatement {
    func bind(_ value: Instant?, at index: Int32) { bind(value?.iso, at: index) }
}
