import Crypto
import Foundation
import GRDB
import GridMapCore

/// What makes an event import idempotent: `events.source_key`, the first 16 bytes (128 bits: no
/// two of a county's events collide in practice) of a SHA-256 under a UNIQUE index. An event with an `external_id` is keyed by that id alone (the source system's word on
/// identity); one without, by its content: source, reported_at (normalised), the coordinate as
/// given (lon, lat and crs), category and description. Reporter and status are left out: a
/// re-delivered event may have moved on in its source system, and it is still the same event.
/// Events reported over HTTP are keyed only when they carry an `external_id`: live reports are
/// each a new event, and a client's retry names its external id to be recognised.
enum EventSourceKey {
    /// A key: 16 bytes of a digest, hashed and compared as two words. Half the digest keeps the
    /// stored rows and the unique index small on a bulk import's hot path.
    struct Key: Hashable, Sendable {
        private let a, b: UInt64

        private init(words raw: UnsafeRawBufferPointer) {
            a = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        }

        init(_ digest: SHA256.Digest) { self = digest.withUnsafeBytes { Key(words: $0) } }

        /// A stored key (`source_key`), or nil when the bytes are not one.
        init?(stored bytes: UnsafeRawBufferPointer) {
            guard bytes.count == 16 else { return nil }
            self.init(words: bytes)
        }

        /// The key's 16 bytes, seen by `body`.
        private func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
            var words = (a, b)  // a homogeneous tuple is laid out contiguously
            return withUnsafeBytes(of: &words, body)
        }

        /// Binds the key's 16 bytes to a statement's parameter.
        func bind(to statement: FastStatement, at index: Int32) { withBytes { statement.bind(blob: $0, at: index) } }

        /// The key's 16 bytes.
        var data: Data { withBytes { Data($0) } }
    }

    /// The key of an imported event.
    static func imported(_ report: EventReport) -> Key { report.externalID.map { external($0, origin: report.origin) } ?? content(report) }

    /// The key of an event with an id in its source system: unique per origin (a town's own
    /// ids and the county's never collide).
    static func external(_ id: String, origin: EventOrigin) -> Key {
        var hash = CanonicalHash(capacity: 96)
        hash.append(origin == .local ? "external_id" : "\(origin.rawValue)_external_id")
        hash.append(id)
        return Key(hash.digest)
    }

    /// What a county assignment said when it was delivered (`events.intake_key`): everything
    /// of its body, so that a repeat is recognised and another body under its id refused.
    static func delivery(_ report: EventReport) -> Key {
        var hash = CanonicalHash()
        hash.append("delivery")
        hash.append(report.origin.rawValue)
        hash.append(report.externalID ?? "")
        hash.append(report.source.rawValue)
        hash.append(report.reportedAt.iso)
        hash.append(report.coordinate.x)
        hash.append(report.coordinate.y)
        hash.append(report.crs.rawValue)
        hash.append(report.category)
        hash.append(report.description)
        hash.append(report.reporter)
        hash.append(report.upstreamDeadline?.iso ?? "")
        return Key(hash.digest)
    }

    /// The key of an event by what it says.
    static func content(_ report: EventReport) -> Key {
        content(source: report.source.rawValue, reportedAt: report.reportedAt.iso, x: report.coordinate.x, y: report.coordinate.y,
                crs: report.crs.rawValue, category: report.category, description: report.description)
    }

    static func content(source: String, reportedAt: String, x: Double, y: Double, crs: String, category: String,
                        description: String) -> Key {
        var hash = CanonicalHash()
        hash.append("content")
        hash.append(source)
        hash.append(reportedAt)
        hash.append(x)
        hash.append(y)
        hash.append(crs)
        hash.append(category)
        hash.append(description)
        return Key(hash.digest)
    }

    /// Migration: adds `external_id` and `source_key` and keys the stored events by content in id
    /// order. Events already stored twice are kept (nothing is deleted): the first of them takes
    /// the key, the later ones stay unkeyed.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE events ADD COLUMN external_id TEXT;
            ALTER TABLE events ADD COLUMN source_key BLOB;
            """)
        let select = try FastStatement(db, sql: """
            SELECT id, source, reported_at, input_x, input_y, crs, category_code, description FROM events
            WHERE id > ?1 ORDER BY id LIMIT 50000
            """)
        let update = try FastStatement(db, sql: "UPDATE events SET source_key = ?1 WHERE id = ?2")
        var seen = Set<Key>(), after: Int64 = 0
        while true {
            var batch: [(id: Int64, key: Key)] = []
            select.bind(after, at: 1)
            try select.forEachRow { row in
                batch.append((row.int64(0), content(source: row.text(1), reportedAt: row.text(2), x: row.double(3), y: row.double(4),
                                                    crs: row.text(5), category: row.text(6), description: row.text(7))))
            }
            guard let last = batch.last else { break }
            for (id, key) in batch where seen.insert(key).inserted {
                key.bind(to: update, at: 1)
                update.bind(id, at: 2)
                try update.run()
            }
            after = last.id
        }
        try db.execute(sql: EventIndexes.sourceKey.createSQL)
    }
}

/// The source keys an import checks its rows against: the keys it stored (in memory), and the
/// stored events' — all loaded at once when the import rebuilds the table's indexes (the unique
/// index is gone until the end, and the table holds no more events than the import), else looked
/// up in the index row by row.
struct ImportKeys {
    private var known: [EventSourceKey.Key: Int64] = [:]
    private let lookup: FastStatement?

    init(_ db: Database, loadStored: Bool) throws {
        let select = try FastStatement(db, sql: loadStored ? "SELECT source_key, id FROM events WHERE source_key IS NOT NULL"
                                                            : "SELECT id FROM events WHERE source_key = ?1")
        if loadStored {
            var known: [EventSourceKey.Key: Int64] = [:]
            try select.forEachRow { row in
                if let key = row.withBlob(0, EventSourceKey.Key.init(stored:)) { known[key] = row.int64(1) }
            }
            self.known = known
            lookup = nil
        } else {
            lookup = select
        }
    }

    /// The event stored with `key`, by this import or before it.
    func event(with key: EventSourceKey.Key) throws -> Int64? {
        if let id = known[key] { return id }
        guard let lookup else { return nil }
        key.bind(to: lookup, at: 1)
        return try lookup.run()
    }

    /// Notes an event this import stored.
    mutating func stored(_ key: EventSourceKey.Key, as id: Int64) { known[key] = id }
}
