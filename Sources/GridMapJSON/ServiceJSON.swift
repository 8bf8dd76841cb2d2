import GridMapCore

extension JSONWriter {
    /// `{"error": code, "detail": …}`, with the statuses `allowed` when a move was illegal and the
    /// `open_tasks` when a resolution was refused for them.
    public mutating func error(code: String, detail: String, allowed: [String]? = nil, openTasks: [OpenTask]? = nil) {
        raw("{\"error\":"); string(code); raw(",\"detail\":"); string(detail)
        if let allowed { key("allowed"); array(allowed) }
        if let openTasks { key("open_tasks"); self.openTasks(openTasks) }
        raw("}")
    }

    /// `GET /healthz`: `{"status":"ok","grids":…,"revision":…}`.
    public mutating func health(grids: Int, revision: Int) {
        raw("{\"status\":\"ok\",\"grids\":"); number(grids)
        raw(",\"revision\":"); number(revision); raw("}")
    }
}
