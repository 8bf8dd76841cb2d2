import GridMapCore

/// `GET /v1/stats`: `{"by":…,"from":…,"to":…,"groups":[…]}`, each group's figures over the period.
public enum StatsJSON {
    /// The answer for `groups` grouped by `dimension` over [from, to), with the loop's figures.
    public static func groups(_ groups: [GroupStats], by dimension: StatsDimension, from: Instant, to: Instant,
                              loop: LoopStats) -> JSONWriter {
        answer(by: dimension.rawValue, from: from, to: to, groups: groups, after: { $0.key("loop"); $0.loopStats(loop) }) { json, g in
            json.key("key"); json.string(g.key)
            json.key("received"); json.number(g.received)
            json.key("closed"); json.number(g.closed)
            json.key("closure_rate"); json.number(rate(g.closureRate))
            json.key("median_hours"); json.optionalNumber(g.medianHours.map(hours))
            json.key("p90_hours"); json.optionalNumber(g.p90Hours.map(hours))
            json.key("overdue"); json.number(g.overdue)
            json.key("parked"); json.number(g.parked)
            json.key("escalated"); json.number(g.escalated)
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
                                      after: ((inout JSONWriter) -> Void)? = nil,
                                      _ group: (inout JSONWriter, Group) -> Void) -> JSONWriter {
        var json = JSONWriter(capacity: 256 + groups.count * 220)
        json.object { json in
            json.key("by"); json.string(by)
            json.key("from"); json.instant(from)
            json.key("to"); json.instant(to)
            json.key("groups")
            json.array(groups) { json, g in json.object { group(&$0, g) } }
            after?(&json)
        }
        return json
    }

    /// A rate to four decimals.
    static func rate(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// Hours to two decimals.
    private static func hours(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

extension JSONWriter {
    /// `loop`: on-time rate per stage, 督办 by level, 延期 and 挂账 counts, satisfaction and 返工 rates.
    mutating func loopStats(_ loop: LoopStats) {
        object { json in
            json.key("stages")
            json.array(loop.stages) { json, s in
                json.object { json in
                    json.key("stage"); json.string(s.stage.rawValue)
                    json.key("name"); json.string(s.stage.name)
                    json.key("ended"); json.number(s.ended)
                    json.key("on_time"); json.number(s.onTime)
                    json.key("on_time_rate"); json.number(StatsJSON.rate(s.onTimeRate))
                }
            }
            json.key("supervisions"); json.object { json in
                for level in SupervisionLevel.allCases where level != .none {
                    json.key(dynamic: String(level.rawValue)); json.number(loop.supervisions[level] ?? 0)
                }
            }
            json.key("extensions"); json.object { json in
                for status in ExtensionStatus.allCases { json.key(dynamic: status.rawValue); json.number(loop.extensions[status] ?? 0) }
            }
            json.key("parked"); json.number(loop.parkedInPeriod)
            json.key("parked_now"); json.number(loop.parkedNow)
            json.key("evaluated"); json.number(loop.evaluated)
            json.key("satisfaction_rate"); json.number(StatsJSON.rate(loop.satisfactionRate))
            json.key("return_rate"); json.number(StatsJSON.rate(loop.returnRate))
        }
    }
}
