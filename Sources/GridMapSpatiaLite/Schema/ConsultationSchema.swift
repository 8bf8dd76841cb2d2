/// Consultations on events (研判会商, ``Consultation``): who took part (offices and people as JSON
/// arrays), the decision, the decided offices and deadline. Each also appends to `event_history`.
enum ConsultationSchema {
    static let sql = """
        CREATE TABLE event_consultations (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            held_at TEXT NOT NULL, offices TEXT NOT NULL, people TEXT NOT NULL, decision TEXT NOT NULL,
            lead_office TEXT, assisting_offices TEXT NOT NULL, deadline_at TEXT,
            recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL);
        CREATE INDEX event_consultations_event ON event_consultations(event_id);
        """
}
