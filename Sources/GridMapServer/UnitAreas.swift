import GridMapCore
import Synchronization

/// Areas in km² of the served towns, villages and grids (see ``AdminSnapshot/areasKm2(_:)``),
/// computed once per boundary revision.
final class UnitAreas: Sendable {
    private let cache = Mutex<(revision: Int, areas: [AdminLevel: [String: Double]])>((-1, [:]))

    /// Areas by code of `level`'s units in `snapshot`.
    func areas(_ level: AdminLevel, of snapshot: AdminSnapshot) throws -> [String: Double] {
        if let known = cache.withLock({ $0.revision == snapshot.revision ? $0.areas[level] : nil }) { return known }
        let areas = try snapshot.areasKm2(level)
        cache.withLock {
            if $0.revision != snapshot.revision { $0 = (snapshot.revision, [:]) }
            $0.areas[level] = areas
        }
        return areas
    }
}
