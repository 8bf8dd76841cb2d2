import CSpatiaLite
import GRDB

/// A statement prepared by GRDB but bound and stepped through the SQLite C API, for insert
/// loops that run a million times: GRDB's boxed arguments cost more than the insert itself.
/// Parameters are positional (`?1`, `?2`, …); a value stays bound until it is bound again.
struct FastStatement {
    private let statement: Statement
    private let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    private var handle: OpaquePointer { statement.sqliteStatement }

    func bind(_ value: String?, at index: Int32) {
        guard var text = value else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(bytes.count), Self.transient)
        }
    }

    func bind(_ value: Double, at index: Int32) { sqlite3_bind_double(handle, index, value) }

    func bind(_ value: Int64?, at index: Int32) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_int64(handle, index, value)
    }

    /// Runs the statement with the values bound now; returns the first column of a returned row.
    @discardableResult
    func run() throws -> Int64? {
        defer { sqlite3_reset(handle) }
        var result: Int64?
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_DONE: return result
            case SQLITE_ROW: result = result ?? sqlite3_column_int64(handle, 0)
            case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
        }
    }

    /// SQLite copies the bound bytes (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
