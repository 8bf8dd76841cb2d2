import Foundation
import GRDB
import GridMapCore
import GridMapGeometry

extension SpatiaLiteStore {
    /// Stores fixes as reported and re-cleans every member-day they touch, in one transaction.
    /// Member-days that had no fixes before are cleaned from the batch itself, others from all
    /// their stored fixes; the cleaning runs on all cores.
    public func ingestPatrols(_ fixes: [PatrolFix], source: String, format: String, cleaning: TrackCleaning) throws -> PatrolIngest {
        try write { db in
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            let memberIDs = try Self.memberIDs(Set(fixes.map(\.member)), db)
            try db.execute(sql: "INSERT INTO patrol_batches (received_at, source, format, fixes, report) VALUES (?, ?, ?, ?, '{}')",
                           arguments: [Instant.now(), source, format, fixes.count])
            let batch = db.lastInsertedRowID
            let insert = try FastStatement(db, sql: "INSERT INTO patrol_fixes (batch_id, member_id, t, x, y, crs, accuracy) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            insert.bind(batch, at: 1)
            var byMemberDay: [MemberDay: [PatrolFix]] = [:]
            for fix in fixes {
                let member = memberIDs[fix.member]!
                insert.bind(member, at: 2); insert.bind(fix.milliseconds, at: 3)
                insert.bind(fix.position.x, at: 4); insert.bind(fix.position.y, at: 5)
                insert.bind(fix.crs.rawValue, at: 6); insert.bind(fix.accuracy, at: 7)
                try insert.run()
                byMemberDay[MemberDay(member: member, code: fix.member, day: PatrolDay(milliseconds: fix.milliseconds)), default: []].append(fix)
            }
            let earlier = try FastStatement(db, sql: "SELECT 1 FROM patrol_fixes WHERE member_id = ?1 AND t >= ?2 AND t < ?3 AND batch_id < ?4 LIMIT 1")
            earlier.bind(batch, at: 4)
            for key in byMemberDay.keys {
                earlier.bind(key.member, at: 1); earlier.bind(key.day.start, at: 2); earlier.bind(key.day.end, at: 3)
                if try earlier.run() != nil { byMemberDay[key] = try Self.storedFixes(of: key, db) }
            }
            let report = try Self.storeCleaned(byMemberDay, cleaning: cleaning, db)
            let days = Set(byMemberDay.keys.map(\.day)).sorted()
            try Self.bumpRevisions(of: days, db)
            let reportJSON = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
            try db.execute(sql: "UPDATE patrol_batches SET report = ? WHERE id = ?", arguments: [reportJSON, batch])
            return PatrolIngest(batch: batch, fixes: fixes.count, members: memberIDs.count, days: days, report: report)
        }
    }

    /// Re-cleans every stored member-day (e.g. after the cleaning settings changed).
    public func rebuildPatrolTracks(cleaning: TrackCleaning) throws -> CleaningReport {
        try write { db in
            let keys = try Row.fetchAll(db, sql: """
                SELECT DISTINCT f.member_id, m.code, (f.t + 28800000) / 86400000 AS day
                FROM patrol_fixes f JOIN patrol_members m ON m.id = f.member_id
                """).map { MemberDay(member: $0[0], code: $0[1], day: PatrolDay(number: $0[2])) }
            var byMemberDay: [MemberDay: [PatrolFix]] = [:]
            for key in keys { byMemberDay[key] = try Self.storedFixes(of: key, db) }
            try db.execute(sql: "DELETE FROM patrol_segments; DELETE FROM patrol_stops")
            let report = try Self.storeCleaned(byMemberDay, cleaning: cleaning, db)
            try Self.bumpRevisions(of: Set(keys.map(\.day)).sorted(), db)
            return report
        }
    }

    struct MemberDay: Hashable, Sendable {
        var member: Int64
        var code: String
        var day: PatrolDay
    }

    private static func memberIDs(_ codes: Set<String>, _ db: Database) throws -> [String: Int64] {
        try codes.reduce(into: [:]) { ids, code in
            try db.execute(sql: "INSERT OR IGNORE INTO patrol_members (code) VALUES (?)", arguments: [code])
            ids[code] = try Int64.fetchOne(db, sql: "SELECT id FROM patrol_members WHERE code = ?", arguments: [code])
        }
    }

    private static func storedFixes(of key: MemberDay, _ db: Database) throws -> [PatrolFix] {
        let select = try FastStatement(db, sql: "SELECT t, x, y, crs, accuracy FROM patrol_fixes WHERE member_id = ?1 AND t >= ?2 AND t < ?3")
        select.bind(key.member, at: 1); select.bind(key.day.start, at: 2); select.bind(key.day.end, at: 3)
        var fixes: [PatrolFix] = []
        try select.forEachRow { row in
            fixes.append(PatrolFix(member: key.code, milliseconds: row.int64(0), position: Coordinate(row.double(1), row.double(2)),
                                   crs: CoordinateSystem(rawValue: row.text(3)) ?? .wgs84, accuracy: row.optionalDouble(4)))
        }
        return fixes
    }

    /// Cleans the member-days on all cores and replaces their segments and stops.
    private static func storeCleaned(_ byMemberDay: [MemberDay: [PatrolFix]], cleaning: TrackCleaning, _ db: Database) throws -> CleaningReport {
        let keys = Array(byMemberDay.keys)
        let cleaned = Parallel.map(keys) { key in cleaning.clean(member: key.code, day: key.day, fixes: byMemberDay[key]!) }
        let deleteSegments = try FastStatement(db, sql: "DELETE FROM patrol_segments WHERE day = ?1 AND member_id = ?2")
        let deleteStops = try FastStatement(db, sql: "DELETE FROM patrol_stops WHERE day = ?1 AND member_id = ?2")
        let insertSegment = try FastStatement(db, sql: """
            INSERT INTO patrol_segments (member_id, day, start_t, end_t, fixes, points, geometry)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, GeomFromWKB(?7, 4326))
            """)
        let insertStop = try FastStatement(db, sql: "INSERT INTO patrol_stops (member_id, day, start_t, end_t, lon, lat) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        var report = CleaningReport()
        for (key, patrol) in zip(keys, cleaned) {
            report = report + patrol.report
            for statement in [deleteSegments, deleteStops] {
                statement.bind(key.day.number, at: 1); statement.bind(key.member, at: 2)
                try statement.run()
            }
            for segment in patrol.segments {
                insertSegment.bind(key.member, at: 1); insertSegment.bind(key.day.number, at: 2)
                insertSegment.bind(segment.start, at: 3); insertSegment.bind(segment.end, at: 4)
                insertSegment.bind(Int64(segment.points.count), at: 5)
                insertSegment.bind(PackedTrack.pack(segment.points), at: 6)
                insertSegment.bind(WKB.encodeLine(segment.points.map(\.coordinate)), at: 7)
                try insertSegment.run()
            }
            for stop in patrol.stops {
                insertStop.bind(key.member, at: 1); insertStop.bind(key.day.number, at: 2)
                insertStop.bind(stop.start, at: 3); insertStop.bind(stop.end, at: 4)
                insertStop.bind(stop.centre.x, at: 5); insertStop.bind(stop.centre.y, at: 6)
                try insertStop.run()
            }
        }
        return report
    }

    private static func bumpRevisions(of days: [PatrolDay], _ db: Database) throws {
        for day in days {
            try db.execute(sql: """
                INSERT INTO patrol_days (day, revision) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET revision = revision + 1
                """, arguments: [day.number])
        }
    }

    /// Every member's cleaned patrol of a day, as stored, and the day's revision.
    func patrols(of day: PatrolDay, _ db: Database) throws -> (revision: Int64, patrols: [CleanedPatrol]) {
        let revision = try Int64.fetchOne(db, sql: "SELECT revision FROM patrol_days WHERE day = ?", arguments: [day.number]) ?? 0
        var byMember: [String: CleanedPatrol] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT m.code, s.points FROM patrol_segments s JOIN patrol_members m ON m.id = s.member_id
            WHERE s.day = ? ORDER BY s.member_id, s.start_t
            """, arguments: [day.number]) {
            let member: String = row[0]
            let segment = PatrolSegment(member: member, points: PackedTrack.unpack(row[1]))
            byMember[member, default: CleanedPatrol(member: member, day: day, segments: [], stops: [], report: CleaningReport())]
                .segments.append(segment)
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT m.code, s.start_t, s.end_t, s.lon, s.lat FROM patrol_stops s JOIN patrol_members m ON m.id = s.member_id
            WHERE s.day = ? ORDER BY s.member_id, s.start_t
            """, arguments: [day.number]) {
            let member: String = row[0]
            byMember[member]?.stops.append(PatrolStop(member: member, start: row[1], end: row[2], centre: Coordinate(row[3], row[4])))
        }
        return (revision, byMember.keys.sorted().map { byMember[$0]! })
    }
}

/// A segment's points packed as little-endian (Int64 ms, Float64 lon, Float64 lat) triples.
enum PackedTrack {
    static func pack(_ points: [TrackPoint]) -> Data {
        var data = Data(capacity: points.count * 24)
        for p in points {
            withUnsafeBytes(of: p.milliseconds.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: p.coordinate.x.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: p.coordinate.y.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func unpack(_ data: Data) -> [TrackPoint] {
        data.withUnsafeBytes { bytes in
            (0..<bytes.count / 24).map { i in
                let t = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24 * i, as: Int64.self))
                let x = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24 * i + 8, as: UInt64.self)))
                let y = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24 * i + 16, as: UInt64.self)))
                return TrackPoint(milliseconds: t, coordinate: Coordinate(x, y))
            }
        }
    }
}
