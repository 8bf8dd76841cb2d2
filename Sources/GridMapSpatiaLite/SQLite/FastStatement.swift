import CSpatiaLite
import Foundation
import GRDB

/// A statement prepared by GRDB but bound and stepped through the SQLite C API, for insert
/// loops that run a million times: GRDB's boxed arguments cost more than the insert itself.
/// Parameters are positional (`?1`, `?2`, …); a value stays bound until it is bound again.
struct FastStatement {
    let statement: Statement
    let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    var handle: OpaquePointer { statement.sqliteStatement }

    func bind(_ value: String?, at index: Int32) {
        guard var text = value else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(bytes.count), Self.transient)
        }
    }

    func bind(_ value: Double?, at index: Int32) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_double(handle, index, value)
    }

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
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

extension FastStatement {
    /// Steps through the rows of the statement with the values bound now.
    func forEachRow(_ body: (RowCursor) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_DONE: return
            case SQLITE_ROW: try body(RowCursor(handle: handle))
            case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
        }
    }

    func bind(_ value: Data, at index: Int32) {
        value.withUnsafeBytes { bind(blob: $0, at: index) }
    }

    /// Binds a copy of the bytes as a BLOB.
    func bind(blob bytes: UnsafeRawBufferPointer, at index: Int32) {
        _ = sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
    }

    /// The current row's columns (0-based), read straight from SQLite.
    struct RowCursor {
        let handle: OpaquePointer
        func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
        func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
        func optionalDouble(_ column: Int32) -> Double? {
            sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
        }
        func text(_ column: Int32) -> String { sqlite3_column_text(handle, column).map { String(cString: $0) } ?? "" }
        /// A BLOB column's bytes, seen by `body` without a copy.
        func withBlob<R>(_ column: Int32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
            let count = Int(sqlite3_column_bytes(handle, column))
            return body(UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, column), count: count))
        }

        func blob(_ column: Int32) -> Data {
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return Data() }
            return Data(bytes: bytes, count: count)
        }
    }
}
