import GRDB
import GridMapCore

/// The stored versions of something valid over periods (a grid's boundary, a town's platform
/// model), by key, to find the version valid at an instant without a query per event.
struct VersionTable {
    private struct Version {
        var id: Int64
        var from: Instant
        var to: Instant?
    }

    private var versions: [String: [Version]] = [:]

    /// Reads `table`'s versions keyed by `keyColumn`.
    init(_ db: Database, table: String, keyColumn: String) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT \(keyColumn), id, valid_from, valid_to FROM \(table)")
        while let row = try rows.next() {
            versions[row[0], default: []].append(Version(id: row[1], from: row[2], to: row[3]))
        }
    }

    /// The id of `key`'s version valid at `instant`, if any.
    func id(_ key: String?, at instant: Instant) -> Int64? {
        guard let key else { return nil }
        return versions[key]?.first { $0.from <= instant && ($0.to.map { instant < $0 } ?? true) }?.id
    }
}
