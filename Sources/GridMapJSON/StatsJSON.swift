import GridMapCore

/// `GET /v1/stats`: `{"by":…,"from":…,"to":…,"groups":[…]}`, each group's figures over the period.
public enum StatsJSON {
    /// The answer for `groups` grouped by `dimension` over [from, to).
    public static func groups(_ groups: [GroupStats], by dimension: StatsDimension, from: Instant, to: Instant) -> JSONWriter {
        var json = JSONWriter(capacity: 256 + groups.count * 200)
        json.object { json in
            json.key("by"); json.string(dimension.rawValue)
            json.key("from"); json.instant(from)
            json.key("to"); json.instant(to)
            json.key("groups")
            json.array(groups) { json, g in
                json.object { json in
                    json.key("key"); json.string(g.key)
                    json.key("received"); json.number(g.received)
                    json.key("closed"); json.number(g.closed)
                    json.key("closure_rate"); json.number((g.closureRate * 10_000).rounded() / 10_000)
                    json.key("median_hours"); json.optionalNumber(g.medianHours.map { ($0 * 100).rounded() / 100 })
                    json.key("p90_hours"); json.optionalNumber(g.p90Hours.map { ($0 * 100).rounded() / 100 })
                    json.key("overdue"); json.number(g.overdue)
                }
            }
        }
        return json
    }

    /// `GET /v1/stats?by=office`: `{"by":"office","from":…,"to":…,"groups":[…]}`, each office's tasks.
    public static func offices(_ offices: [OfficeStats], from: Instant, to: Instant) -> JSONWriter {
        var json = JSONWriter(capacity: 256 + offices.count * 220)
        json.object { json in
            json.key("by"); json.string("office")
            json.key("from"); json.instant(from)
            json.key("to"); json.instant(to)
            json.key("groups")
            json.array(offices) { json, o in
                json.object { json in
                    json.key("key"); json.string(o.office)
                    json.key("received"); json.number(o.received)
                    json.key("done"); json.number(o.done)
                    json.key("on_time"); json.number(o.onTime)
                    json.key("on_time_rate"); json.number((o.onTimeRate * 10_000).rounded() / 10_000)
                    json.key("median_hours"); json.optionalNumber(o.medianHours.map { ($0 * 100).rounded() / 100 })
                    json.key("rejected"); json.number(o.rejected)
                    json.key("cancelled"); json.number(o.cancelled)
                    json.key("open"); json.number(o.open)
                    json.key("overdue"); json.number(o.overdue)
                }
            }
        }
        return json
    }
}
