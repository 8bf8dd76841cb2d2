import GridMapCore
import GridMapGeometry
import Synchronization

/// Areas in km² of the served towns, villages and grids, measured on the CGCS2000 Gauss-Krüger
/// zone of each unit's centre; computed once per boundary revision.
final class UnitAreas: Sendable {
    private let cache = Mutex<(revision: Int, areas: [AdminLevel: [String: Double]])>((-1, [:]))

    /// Areas by code of `level`'s units in `snapshot`.
    func areas(_ level: AdminLevel, of snapshot: AdminSnapshot) throws -> [String: Double] {
        if let known = cache.withLock({ $0.revision == snapshot.revision ? $0.areas[level] : nil }) { return known }
        var projections = MetricProjections()
        var areas: [String: Double] = [:]
        for boundary in snapshot.boundaries(level) {
            guard let box = boundary.geometry.boundingBox else { continue }
            let zone = GaussKrugerZone(longitude: (box.minX + box.maxX) / 2)
            areas[boundary.unit.code] = try projections.projection(zone).area(boundary.geometry) / 1_000_000
        }
        cache.withLock {
            if $0.revision != snapshot.revision { $0 = (snapshot.revision, [:]) }
            $0.areas[level] = areas
        }
        return areas
    }
}
