/// Evaluations of events (考核 with 回访, ``EventEvaluation``): every one kept, a dissatisfied
/// one included (its event went back to triage).
enum EvaluationSchema {
    static let sql = """
        CREATE TABLE event_evaluations (
            id INTEGER PRIMARY KEY,
            event_id INTEGER NOT NULL REFERENCES events(id),
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            satisfaction TEXT NOT NULL CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
            remark TEXT, actor TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX event_evaluations_event ON event_evaluations(event_id);
        CREATE INDEX event_evaluations_at ON event_evaluations(at);
        """
}
