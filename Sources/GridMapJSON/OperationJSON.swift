import GridMapCore

extension JSONWriter {
    /// A joint operation (联合执法) with its area as GeoJSON; masked, the recorder's name is masked
    /// and the outcome and notes (which may name people) null.
    public mutating func operation(_ o: JointOperation, masked: Bool) {
        object { json in json.operationMembers(o, masked: masked) }
    }

    /// Operations as `{"operations": […]}`, or a FeatureCollection of their areas when `geojson`.
    public mutating func operationList(_ operations: [JointOperation], geojson: Bool, masked: (JointOperation) -> Bool) {
        object { json in
            if geojson {
                json.key("type"); json.string("FeatureCollection")
                json.key("features")
                json.array(operations) { json, o in
                    json.object { json in
                        json.key("type"); json.string("Feature")
                        json.key("id"); json.number(Int(o.id))
                        json.key("geometry"); json.multiPolygonGeometry(o.area)
                        json.key("properties"); json.object { json in json.operationMembers(o, masked: masked(o), area: false) }
                    }
                }
            } else {
                json.key("operations"); json.array(operations) { json, o in json.operation(o, masked: masked(o)) }
            }
        }
    }

    private mutating func operationMembers(_ o: JointOperation, masked: Bool, area: Bool = true) {
        key("id"); number(Int(o.id))
        key("title"); string(o.title)
        key("town"); optionalString(o.town)
        key("offices"); array(o.offices)
        key("area_kind"); string(o.areaKind.rawValue)
        key("villages"); array(o.villages)
        key("grids"); array(o.grids)
        key("start"); instant(o.start)
        key("end"); instant(o.end)
        key("events"); array(o.events) { json, id in json.number(Int(id)) }
        key("outcome"); optionalString(masked ? nil : o.outcome)
        key("notes"); optionalString(masked ? nil : o.notes)
        key("recorded_by"); string(masked ? PersonalMask.name(o.recordedBy) : o.recordedBy)
        key("recorded_at"); instant(o.recordedAt)
        if area { key("area"); multiPolygonGeometry(o.area) }
    }
}
