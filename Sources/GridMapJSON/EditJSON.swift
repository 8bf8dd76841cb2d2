import GridMapCore
import GridMapGeometry

extension JSONWriter {
    /// An edit preview: `valid`, `changed` (false when the edit would change nothing), `problems`, `changes` (before/after of every affected unit), `events`,
    /// `people` (names masked unless `viewer` sees them), `patrol_requirements_dropped`, `unstaffed_grids`, `events_staying`.
    public mutating func editPreview(_ preview: EditPreview, for viewer: Viewer) {
        raw("{"); EditJSON.write(&self, preview, for: viewer); raw("}")
    }

    /// An edit's commit: the preview's fields plus `change_id`, `at` and `versions` (each new version's
    /// ETag by code); `change_id` and `at` are null and `versions` empty when nothing changed.
    public mutating func editCommit(_ commit: EditCommit, for viewer: Viewer) {
        raw("{\"change_id\":")
        if let id = commit.changeID { number(Int(id)) } else { raw("null") }
        raw(",\"at\":"); instant(commit.at)
        raw(",\"versions\":{")
        for (code, tag) in commit.tagsAfter.sorted(by: { $0.key < $1.key }) {
            key(dynamic: code); string(tag)
        }
        raw("},"); EditJSON.write(&self, commit.preview, for: viewer); raw("}")
    }

    /// An edit's refusal: `error` (`invalid_edit`), `detail` (the problems' messages) and the preview's fields.
    public mutating func editRejection(_ preview: EditPreview, for viewer: Viewer) {
        raw("{\"error\":\"invalid_edit\",\"detail\":"); string(preview.plan.problems.map(\.message).joined(separator: "; "))
        raw(","); EditJSON.write(&self, preview, for: viewer); raw("}")
    }

    /// An edit as it is kept with its change (`op` and the edit's members; geometries with every
    /// digit, RFC 7946 winding).
    public mutating func editOperation(_ edit: BoundaryEdit) {
        object { json in
            json.key("op"); json.string(edit.name)
            switch edit {
            case .redrawGrid(let code, let geometry, let giveTo):
                json.key("grid"); json.string(code)
                json.key("give_to"); json.optionalString(giveTo)
                json.key("geometry"); json.multiPolygonGeometry(geometry, decimals: nil)
            case .redrawVillage(let code, let geometry, let giveTo):
                json.key("village"); json.string(code)
                json.key("give_to"); json.optionalString(giveTo)
                json.key("geometry"); json.multiPolygonGeometry(geometry, decimals: nil)
            case .splitGrid(let code, let line, let newCode, let newName):
                json.key("grid"); json.string(code)
                json.key("new_code"); json.optionalString(newCode)
                json.key("new_name"); json.optionalString(newName)
                json.key("line"); json.lineStringGeometry(line, decimals: nil)
            case .mergeGrids(let codes, let into, let name):
                json.key("grids"); json.array(codes)
                json.key("into"); json.optionalString(into)
                json.key("name"); json.optionalString(name)
            case .moveGrid(let code, let village):
                json.key("grid"); json.string(code)
                json.key("village"); json.string(village)
            }
        }
    }
}

/// The members edit answers share (also printed by `gridmap edit`).
enum EditJSON {
    static func write(_ json: inout JSONWriter, _ preview: EditPreview, for viewer: Viewer) {
        let plan = preview.plan
        json.raw("\"op\":"); json.string(plan.edit.name)
        json.raw(",\"valid\":"); json.bool(plan.isValid)
        json.raw(",\"changed\":"); json.bool(!plan.changesNothing)
        json.key("problems"); json.array(plan.problems) { problem(&$0, $1) }
        json.key("changes"); json.array(plan.changes) { change(&$0, $1, tagBefore: preview.tagsBefore[$1.code]) }
        let c = preview.consequences
        json.key("events")
        json.array(c.events) { json, move in
            json.raw("{\"id\":"); json.number(Int(move.id)); json.raw(",\"status\":"); json.string(move.status)
            json.raw(",\"from_grid\":"); json.optionalString(move.fromGrid); json.raw(",\"to_grid\":"); json.optionalString(move.toGrid)
            json.raw(",\"from_village\":"); json.optionalString(move.fromVillage); json.raw(",\"to_village\":"); json.optionalString(move.toVillage)
            json.raw("}")
        }
        json.key("people")
        json.array(c.people) { json, person in
            json.raw("{\"id\":"); json.number(Int(person.id)); json.raw(",\"role\":"); json.string(person.role)
            let village = plan.before.grids[person.fromGrid]?.unit.parentCode
            let seen = viewer.seesPersonal(town: plan.before.town.unit.code, village: village)
            json.raw(",\"name\":"); json.string(seen ? person.name : PersonalMask.name(person.name))
            json.raw(",\"from_grid\":"); json.string(person.fromGrid)
            json.raw(",\"to_grid\":"); json.string(person.toGrid); json.raw("}")
        }
        json.key("patrol_requirements_dropped")
        json.array(c.patrolRequirements) { json, requirement in
            json.raw("{\"unit_code\":"); json.string(requirement.unitCode)
            json.raw(",\"frequency\":"); json.string(requirement.frequency); json.raw("}")
        }
        json.key("unstaffed_grids"); json.array(c.unstaffedGrids)
        json.key("events_staying"); json.number(c.eventsStaying.count)
    }

    /// A problem: `code`, `message`, `units` and its `geometry` (GeoJSON, null when it has none).
    static func problem(_ json: inout JSONWriter, _ problem: EditProblem) {
        json.raw("{\"code\":"); json.string(problem.code); json.raw(",\"message\":"); json.string(problem.message)
        json.raw(",\"units\":"); json.array(problem.units); json.raw(",\"geometry\":")
        switch problem.shape {
        case .area(let polygons): json.multiPolygonGeometry(polygons)
        case .line(let line):
            json.lineStringGeometry(line)
        case nil: json.raw("null")
        }
        json.raw("}")
    }

    private static func change(_ json: inout JSONWriter, _ change: UnitChange, tagBefore: String?) {
        json.raw("{\"level\":"); json.string(change.level.rawValue); json.raw(",\"code\":"); json.string(change.code)
        json.raw(",\"name\":"); json.string((change.after ?? change.before)?.unit.name ?? "")
        json.raw(",\"kind\":"); json.string(change.kind.rawValue)
        json.raw(",\"version_before\":"); json.optionalString(tagBefore)
        json.raw(",\"parent_before\":"); json.optionalString(change.before?.unit.parentCode)
        json.raw(",\"parent_after\":"); json.optionalString(change.after?.unit.parentCode)
        json.raw(",\"area_before_m2\":"); json.optionalNumber(change.before.map { squareMeters($0.geometry) })
        json.raw(",\"area_after_m2\":"); json.optionalNumber(change.after.map { squareMeters($0.geometry) })
        json.raw(",\"before\":"); geometry(&json, change.before?.geometry)
        json.raw(",\"after\":"); geometry(&json, change.after?.geometry)
        json.raw("}")
    }

    /// Area in m² on the Gauss-Krüger zone of the geometry's centre, rounded to 0.1 m².
    private static func squareMeters(_ geometry: MultiPolygon) -> Double {
        let area = (try? MetricProjectionPool.shared.withProjections { try $0.area(geometry) }) ?? 0
        return (area * 10).rounded() / 10
    }

    private static func geometry(_ json: inout JSONWriter, _ geometry: MultiPolygon?) {
        if let geometry { json.multiPolygonGeometry(geometry) } else { json.raw("null") }
    }
}
