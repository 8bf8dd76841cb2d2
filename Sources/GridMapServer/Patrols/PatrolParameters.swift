import GridMapCore

/// The patrol and coverage settings a request may give, each checked with a 400 naming it.
extension QueryParameters {
    /// Cleaning settings: `max_accuracy` (m), `max_speed_kmh`, `max_gap_min`, `dwell_radius` (m),
    /// `min_dwell_min`; defaults are ``TrackCleaning``'s.
    func cleaning() throws -> TrackCleaning {
        var cleaning = TrackCleaning()
        if let value = try number("max_accuracy", in: 1...10_000) { cleaning.maxAccuracy = value }
        if let value = try number("max_speed_kmh", in: 1...500) { cleaning.maxSpeed = value / 3.6 }
        if let value = try number("max_gap_min", in: 0.1...1440) { cleaning.maxGap = Int64(value * 60_000) }
        if let value = try number("dwell_radius", in: 1...1000) { cleaning.dwellRadius = value }
        if let value = try number("min_dwell_min", in: 0.1...1440) { cleaning.minDwell = Int64(value * 60_000) }
        return cleaning
    }

    /// `radius` (m, 10–500, default 30: ``CoverageOptions/radiusRange``) and `visit_gap_min` (a visit ends after this many minutes
    /// with nobody inside, default 10).
    func coverageOptions() throws -> CoverageOptions {
        CoverageOptions(radius: try number("radius", in: CoverageOptions.radiusRange) ?? 30,
                        visitGap: Int64((try number("visit_gap_min", in: 0...1440) ?? 10) * 60_000))
    }

    /// `from` and `to`: the days in between (see ``PatrolDay/range(from:to:)``: a plain date is a
    /// Beijing day), by default the 7 days up to today; at most 366 days.
    func patrolDays(now: Instant) throws -> ClosedRange<PatrolDay> {
        guard let days = PatrolDay.period(from: text("from"), to: text("to"), now: now) else {
            throw APIError.badRequest("invalid_parameter", "'from' and 'to' must be ISO 8601 dates or times, 'from' before 'to', at most 366 days apart")
        }
        return days
    }
}
