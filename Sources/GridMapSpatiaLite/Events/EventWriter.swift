import Foundation
import GRDB
import GridMapCore
import GridMapJSON

/// Inserts events through prepared statements, each distinct routing or people snapshot (JSON)
/// stored once in `event_snapshots`, with the boundary and platform-model versions valid at
/// `reported_at`, and its ``EventSourceKey`` when it has one. One writer serves one transaction.
struct EventWriter {
    private let db: Database
    private let insertEvent: FastStatement
    private let findSnapshot: FastStatement
    private let insertSnapshot: FastStatement
    let history: EventHistoryWriter
    private let gridBoundaries: VersionTable
    private let taxonomies: VersionTable
    private var snapshotIDs: [String: Int64] = [:]
    private var policies: [String?: SupervisionPolicy] = [:]

    init(_ db: Database) throws {
        self.db = db
        insertEvent = try FastStatement(db, sql: """
            INSERT INTO events (category_code, description, input_x, input_y, crs, reported_at, source, reporter,
                grid_code, village_code, town_code, platform_code, routing_id, people_id, deadline_at, status, closed_at,
                lon, lat, grid_boundary_id, taxonomy_id, external_id, source_key, origin, upstream_deadline, intake_key)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)
            """)
        findSnapshot = try FastStatement(db, sql: "SELECT id FROM event_snapshots WHERE json = ?1")
        insertSnapshot = try FastStatement(db, sql: "INSERT INTO event_snapshots (json) VALUES (?1) RETURNING id")
        history = try EventHistoryWriter(db)
        gridBoundaries = try VersionTable(db, table: "grid_boundaries", keyColumn: "code")
        taxonomies = try VersionTable(db, table: "taxonomies", keyColumn: "town_code")
    }

    /// Stores a new event, rendering its snapshots, with status `received`, its first history
    /// entry and its triage stage (``SupervisionPolicy``); keyed by its external id when it has
    /// one. A stored key is ``DuplicateEventError`` for a local event; for a county assignment it
    /// is the stored event when the body is the same (``EventSourceKey/delivery(_:)``), else
    /// ``CountyError/externalIDConflict(externalID:id:)``.
    mutating func intake(_ event: LocatedEvent, actor: String, at now: Instant) throws -> EventIntake {
        let report = event.report
        let key = report.externalID.map { EventSourceKey.external($0, origin: report.origin) }
        if let key, let externalID = report.externalID, let stored = try ImportKeys(db, loadStored: false).event(with: key) {
            guard report.origin == .county else { throw DuplicateEventError(externalID: externalID, id: stored) }
            let delivered = try Data.fetchOne(db, sql: "SELECT intake_key FROM events WHERE id = ?", arguments: [stored])
            guard delivered == EventSourceKey.delivery(report).data else { throw CountyError.externalIDConflict(externalID: externalID, id: stored) }
            return EventIntake(id: stored, created: false)
        }
        let id = try insert(event, routingID: try snapshotID(RecordedJSON.routing(RecordedRouting(event.routed))),
                            peopleID: try snapshotID(peopleSnapshot(event.people)), status: .received, closedAt: nil,
                            sourceKey: key)
        try history.append(id, seq: 1, at: now, actor: actor, action: "received", from: nil, to: .received, note: nil)
        let town = event.resolution.town?.code
        let policy = try policies[town] ?? SupervisionStore.policy(town: town, db)
        policies[town] = policy
        try SupervisionStore.enter(policy.window(entering: .received, at: now, overall: event.deadline), event: id, at: now, db)
        return EventIntake(id: id, created: true)
    }

    /// Stores an event row with stored snapshots and `status` (imports carry the status reached
    /// in the source system), without history or stages (the source's stage times are unknown, so
    /// such an event's light follows its overall deadline alone). The caller checks that no stored event has its
    /// `sourceKey` (the unique index refuses a second one).
    func insert(_ event: LocatedEvent, routingID: Int64, peopleID: Int64, status: EventStatus,
                closedAt: Instant?, sourceKey: EventSourceKey.Key?) throws -> Int64 {
        let report = event.report, r = event.resolution, s = insertEvent
        s.bind(report.category, at: 1)
        s.bind(report.description, at: 2)
        s.bind(report.coordinate.x, at: 3)
        s.bind(report.coordinate.y, at: 4)
        s.bind(report.crs.rawValue, at: 5)
        s.bind(report.reportedAt, at: 6)
        s.bind(report.source.rawValue, at: 7)
        s.bind(report.reporter, at: 8)
        s.bind(r.grid?.code, at: 9)
        s.bind(r.village?.code, at: 10)
        s.bind(r.town?.code, at: 11)
        s.bind(event.routed.routing.platform.code, at: 12)
        s.bind(routingID, at: 13)
        s.bind(peopleID, at: 14)
        s.bind(event.deadline, at: 15)
        s.bind(status.rawValue, at: 16)
        s.bind(closedAt, at: 17)
        s.bind(event.point.x, at: 18)
        s.bind(event.point.y, at: 19)
        s.bind(gridBoundaries.id(r.grid?.code, at: report.reportedAt), at: 20)
        s.bind(taxonomies.id(r.town?.code, at: report.reportedAt), at: 21)
        s.bind(report.externalID, at: 22)
        if let sourceKey { sourceKey.bind(to: s, at: 23) } else { s.bind(nil as Int64?, at: 23) }
        s.bind(report.origin.rawValue, at: 24)
        s.bind(report.upstreamDeadline, at: 25)
        if report.origin == .county { EventSourceKey.delivery(report).bind(to: s, at: 26) } else { s.bind(nil as Int64?, at: 26) }
        try s.run()
        return db.lastInsertedRowID
    }

    /// Stores a triage correction: category, place, routing and people snapshots, deadline, and
    /// the grid boundary and platform model versions valid at the report's time.
    mutating func correct(_ c: EventCorrection) throws {
        let routingID = try snapshotID(RecordedJSON.routing(c.routing))
        let peopleID = try c.people.map { try snapshotID(peopleSnapshot($0)) }
        try db.execute(sql: """
            UPDATE events SET category_code = ?, input_x = ?, input_y = ?, crs = ?, lon = ?, lat = ?, grid_code = ?,
                village_code = ?, town_code = ?, platform_code = ?, routing_id = ?, people_id = COALESCE(?, people_id),
                deadline_at = ?, grid_boundary_id = ?, taxonomy_id = ?
            WHERE id = ?
            """, arguments: [c.category, c.input.x, c.input.y, c.crs, c.point.x, c.point.y, c.gridCode, c.villageCode,
                             c.townCode, c.routing.platform.code, routingID, peopleID, c.deadlineAt,
                             gridBoundaries.id(c.gridCode, at: c.reportedAt), taxonomies.id(c.townCode, at: c.reportedAt), c.eventID])
    }

    /// The id of a stored snapshot, storing it when new.
    mutating func snapshotID(_ json: String) throws -> Int64 {
        if let id = snapshotIDs[json] { return id }
        findSnapshot.bind(json, at: 1)
        insertSnapshot.bind(json, at: 1)
        guard let id = try findSnapshot.run() ?? insertSnapshot.run() else {
            throw DatabaseError(message: "event snapshot not stored")
        }
        snapshotIDs[json] = id
        return id
    }
}
