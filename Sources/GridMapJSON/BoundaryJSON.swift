import GridMapCore
import GridMapGeometry

/// Boundaries as GeoJSON: a layer's units, and versions (with the edit that opened each).
extension JSONWriter {
    /// A FeatureCollection of units with `code`, `name` and their parent's code (`town_code`, `village_code`).
    public mutating func boundaryLayer(_ units: [Boundary]) {
        raw("{\"type\":\"FeatureCollection\",\"features\":")
        array(units) { json, boundary in
            json.raw("{\"type\":\"Feature\",\"id\":"); json.string(boundary.unit.code)
            json.raw(",\"properties\":{"); json.unitProperties(boundary.unit)
            json.raw("},\"geometry\":"); json.multiPolygonGeometry(boundary.geometry); json.raw("}")
        }
        raw("}")
    }

    /// A FeatureCollection of a unit's versions, in the order given (authors masked when `masked`).
    public mutating func boundaryHistory(_ versions: [BoundaryVersion], masked: Bool) {
        raw("{\"type\":\"FeatureCollection\",\"features\":")
        array(versions) { json, version in json.boundaryVersion(version, masked: masked) }
        raw("}")
    }

    /// One version as a Feature: the unit's properties, `version` (its tag), `valid_from`,
    /// `valid_to` and the `change` that opened it (null for an imported one), its author's name
    /// masked when `masked` (the reason is about the boundary and stays).
    public mutating func boundaryVersion(_ version: BoundaryVersion, masked: Bool) {
        raw("{\"type\":\"Feature\",\"id\":"); string(version.unit.code)
        raw(",\"properties\":{"); unitProperties(version.unit)
        raw(",\"version\":"); string(version.tag)
        raw(",\"valid_from\":"); instant(version.validFrom)
        raw(",\"valid_to\":"); instant(version.validTo)
        raw(",\"change\":")
        if let change = version.change {
            raw("{\"id\":"); number(Int(change.id)); raw(",\"at\":"); instant(change.at)
            raw(",\"author\":"); string(masked ? PersonalMask.name(change.author) : change.author); raw(",\"reason\":"); string(change.reason)
            raw(",\"operation\":"); raw(json: change.operation); raw("}")
        } else {
            raw("null")
        }
        raw("},\"geometry\":"); multiPolygonGeometry(version.geometry); raw("}")
    }

    private mutating func unitProperties(_ unit: AdminUnit) {
        raw("\"code\":"); string(unit.code); raw(",\"name\":"); string(unit.name)
        if let parent = unit.level.parentCodeProperty {
            raw(","); string(parent); raw(":"); string(unit.parentCode ?? "")
        }
    }
}
