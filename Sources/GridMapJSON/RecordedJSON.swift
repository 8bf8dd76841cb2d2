import GridMapCore

/// What is recorded with an event, spelled once: as a backend stores it (members in name order,
/// absent optionals left out, so equal records are equal text and share one stored row) and as
/// answers show it.
public enum RecordedJSON {
    public static func routing(_ routing: RecordedRouting) -> String { JSONWriter.text { $0.recordedRouting(routing) } }
    public static func people(_ people: [RecordedPerson]) -> String { JSONWriter.text { $0.recordedPeople(people, masked: false) } }
    public static func dutyLeader(_ leader: DutyDay) -> String { JSONWriter.text { $0.dutyLeader(leader, masked: false) } }
}

extension JSONWriter {
    /// The routing recorded with an event; `deadline_hours`, `note`, `office` and the override
    /// (`overridden_by`, `override_reason`) left out when there are none; masked, the overrider's
    /// name is masked and the reason null.
    public mutating func recordedRouting(_ r: RecordedRouting, masked: Bool = false) {
        object { json in
            json.key("assisting"); json.array(r.assisting) { $0.recordedName($1) }
            json.key("category"); json.recordedName(r.category)
            if let hours = r.deadlineHours { json.key("deadline_hours"); json.number(hours) }
            json.key("lead"); json.string(r.lead)
            json.key("model"); json.string(r.model)
            if let note = r.note { json.key("note"); json.string(note) }
            if let office = r.office { json.key("office"); json.string(office) }
            if let by = r.overriddenBy { json.key("overridden_by"); json.string(masked ? PersonalMask.name(by) : by) }
            if let reason = r.overrideReason { json.key("override_reason"); if masked { json.raw("null") } else { json.string(reason) } }
            json.key("place"); json.string(r.place)
            json.key("platform"); json.recordedName(r.platform)
            json.key("rule"); json.string(r.rule)
        }
    }

    /// The people recorded with an event: name, phone (both masked when `masked`), post, role, unit.
    public mutating func recordedPeople(_ people: [RecordedPerson], masked: Bool) {
        array(people) { json, p in
            json.object { json in
                json.key("name"); json.string(masked ? PersonalMask.name(p.name) : p.name)
                json.key("phone"); json.string(masked ? PersonalMask.phone(p.phone) : p.phone)
                json.key("post"); json.string(p.post.rawValue)
                json.key("role"); json.string(p.role.rawValue)
                json.key("unit"); json.string(p.unit)
            }
        }
    }

    /// The duty leader (值班领导) recorded with a dispatch: date, name, phone (both masked when `masked`).
    public mutating func dutyLeader(_ leader: DutyDay, masked: Bool) {
        object { json in
            json.key("date"); json.string(leader.date)
            json.key("name"); json.string(masked ? PersonalMask.name(leader.name) : leader.name)
            json.key("phone"); json.string(masked ? PersonalMask.phone(leader.phone) : leader.phone)
        }
    }

    private mutating func recordedName(_ name: RecordedRouting.Name) {
        object { json in
            json.key("code"); json.string(name.code)
            json.key("name"); json.string(name.name)
        }
    }
}
