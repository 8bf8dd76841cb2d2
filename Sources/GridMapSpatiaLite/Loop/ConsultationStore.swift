import GRDB
import GridMapCore

/// Consultations (``Consultation``) in `event_consultations`, on the caller's connection.
enum ConsultationStore {
    /// The consultations of event `id`, oldest first.
    static func consultations(of id: Int64, _ db: Database) throws -> [Consultation] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM event_consultations WHERE event_id = ? ORDER BY id"), arguments: [id]).map { row in
            Consultation(id: row["id"], eventID: id, heldAt: row["held_at"], offices: try decodeList(row["offices"]) ?? [],
                         people: try decodeList(row["people"]) ?? [], decision: row["decision"], leadOffice: row["lead_office"],
                         assistingOffices: try decodeList(row["assisting_offices"]) ?? [],
                         deadlineAt: row["deadline_at"], recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
        }
    }

    /// Stores a consultation and its history row; returns its id.
    static func insert(_ c: Consultation, note: String, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO event_consultations (event_id, held_at, offices, people, decision, lead_office, assisting_offices,
                deadline_at, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [c.eventID, c.heldAt, encodeList(c.offices), encodeList(c.people), c.decision, c.leadOffice,
                             encodeList(c.assistingOffices), c.deadlineAt, c.recordedBy, c.recordedAt])
        let id = db.lastInsertedRowID
        try EventHistoryWriter(db).append(c.eventID, at: c.recordedAt, actor: c.recordedBy, action: "consultation", from: nil, to: nil,
                                          note: note)
        return id
    }
}
