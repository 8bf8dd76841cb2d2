import GridMapCore

/// `GET /v1/stats`: `{"by":…,"from":…,"to":…,"groups":[…]}`, each group's figures over the period.
public enum StatsJSON {
    /// The answer for `groups` grouped by `dimension` over [from, to).
    public static func groups(_ groups: [GroupStats], by dimension: StatsDimension, from: Instant, to: Instant) -> JSONWriter {
        answer(by: dimension.rawValue, from: from, to: to, groups: groups) { json, g in
            json.key("key"); json.string(g.key)
            json.key("received"); json.number(g.received)
            json.key("closed"); json.number(g.closed)
            json.key("closure_rate"); json.number(rate(g.closureRate))
            json.key("median_hours"); json.optionalNumber(g.medianHours.map(hours))
            json.key("p90_hours"); json.optionalNumber(g.p90Hours.map(hours))
            json.key("overdue"); json.number(g.overdue)
        }
    }

    /// `by=office`: each office's tasks over [from, to).
    public static func offices(_ offices: [OfficeStats], from: Instant, to: Instant) -> JSONWriter {
        answer(by: "office", from: from, to: to, groups: offices) { json, o in
            json.key("key"); json.string(o.office)
            json.key("received"); json.number(o.received)
            json.key("done"); json.number(o.done)
            json.key("on_time"); json.number(o.onTime)
            json.key("on_time_rate"); json.number(rate(o.onTimeRate))
            json.key("median_hours"); json.optionalNumber(o.medianHours.map(hours))
            json.key("rejected"); json.number(o.rejected)
            json.key("cancelled"); json.number(o.cancelled)
            json.key("open"); json.number(o.open)
            json.key("overdue"); json.number(o.overdue)
        }
    }

    /// The answer's frame, each group an object written by `group`.
    private static func answer<Group>(by: String, from: Instant, to: Instant, groups: [Group],
                                      _ group: (inout JSONWriter, Group) -> Void) -> JSONWriter {
        var json = JSONWriter(capacity: 256 + groups.count * 220)
        json.object { json in
            json.key("by"); json.string(by)
            json.key("from"); json.instant(from)
            json.key("to"); json.instant(to)
            json.key("groups")
            json.array(groups) { json, g in json.object { group(&$0, g) } }
        }
        return json
    }

    /// A rate to four decimals.
    private static func rate(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// Hours to two decimals.
    private static func hours(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
