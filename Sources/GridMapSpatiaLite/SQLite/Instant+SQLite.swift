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

extension FastStatement {
    func bind(_ value: Instant?, at index: Int32) { bind(value?.iso, at: index) }
}
