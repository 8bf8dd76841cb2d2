extension JSONWriter {
    /// `{"error": code, "detail": …}`, with the statuses `allowed` instead when a move was illegal.
    public mutating func error(code: String, detail: String, allowed: [String]? = nil) {
        raw("{\"error\":"); string(code); raw(",\"detail\":"); string(detail)
        if let allowed { key("allowed"); array(allowed) }
        raw("}")
    }

    /// `GET /healthz`: `{"status":"ok","grids":…,"revision":…}`.
    public mutating func health(grids: Int, revision: Int) {
        raw("{\"status\":\"ok\",\"grids\":"); number(grids)
        raw(",\"revision\":"); number(revision); raw("}")
    }
}
