import Foundation
import GridMapGeometry
import Synchronization

/// Computes a day's coverage of every grid from the members' cleaned patrols, on all cores.
///
/// First per patrol (one member's day): its fixes are located in the grid index to find the
/// intervals spent in each grid, its stops' centres give dwell time, and its segments are
/// projected to the Gauss-Krüger zone of each grid they come within the radius of. Then per
/// grid: the region within the radius of all those tracks (``CoverageRaster``) is intersected
/// with the grid (GEOS), and the tracks' length inside it measured exactly (``LineClipping``).
public struct DailyCoverage: Sendable {
    public let grids: CoverageGrids
    public let options: CoverageOptions

    public init(grids: CoverageGrids, options: CoverageOptions) {
        self.grids = grids
        self.options = options
    }

    /// Contours have a vertex on every cell side they cross, most of them in line with their
    /// neighbours; dropping those within 5 cm (Douglas–Peucker, topology kept) makes them several
    /// times smaller to store and to unite, changing areas by well under 0.01 %.
    static let simplification = 0.05

    /// What one patrol brought to one grid.
    struct Contribution: Sendable {
        /// Its segments near the grid, in metres of the grid's zone.
        var lines: [[Coordinate]] = []
        var dwellSeconds = 0.0
        var stops = 0
        var runs: [Visit] = []
        var member: String?
    }

    public func compute(day: PatrolDay, patrols: [CleanedPatrol]) throws -> [GridDayCoverage] {
        let contributions = try Parallel.map(patrols) { patrol in try self.contributions(of: patrol) }
        var byGrid: [Int: [Contribution]] = [:]
        for patrol in contributions {
            for (grid, contribution) in patrol { byGrid[grid, default: []].append(contribution) }
        }
        return try Parallel.map(byGrid.sorted { $0.key < $1.key }) { grid, contributions in
            try combine(grid: grid, day: day, contributions)
        }
    }

    /// One grid's day from the patrols' contributions.
    private func combine(grid: Int, day: PatrolDay, _ contributions: [Contribution]) throws -> GridDayCoverage {
        let shape = grids.metric[grid]
        let lines = contributions.flatMap(\.lines)
        var covered = MultiPolygon([])
        if !lines.isEmpty {
            try CoverageRaster.check(box: grids.metricBoxes[grid], radius: options.radius, grid: grids.codes[grid])
            var raster = CoverageRaster(box: grids.metricBoxes[grid], radius: options.radius)
            for line in lines { raster.add(line) }
            let context = GEOSContext()
            covered = try context.geometry(raster.covered()).simplifiedPreservingTopology(tolerance: Self.simplification)
                .intersection(try context.geometry(shape)).polygons()
        }
        return GridDayCoverage(
            grid: grids.codes[grid], day: day, covered: covered, zone: grids.zones[grid], coveredArea: covered.planarArea,
            length: LineClipping.length(of: lines, inside: shape),
            dwellSeconds: contributions.reduce(0) { $0 + $1.dwellSeconds }, stops: contributions.reduce(0) { $0 + $1.stops },
            visits: Visit.merged(contributions.flatMap(\.runs), gap: 0),
            members: Set(contributions.compactMap(\.member)).sorted())
    }

    private func contributions(of patrol: CleanedPatrol) throws -> [Int: Contribution] {
        var result: [Int: Contribution] = [:]
        for (grid, run) in runs(of: patrol) {
            result[grid, default: Contribution()].runs.append(run)
            result[grid]!.member = patrol.member
        }
        for stop in patrol.stops {
            guard let grid = grids.index.lookup(stop.centre.x, stop.centre.y).first else { continue }
            result[grid, default: Contribution()].dwellSeconds += stop.seconds
            result[grid]!.stops += 1
        }
        for (zone, candidates) in candidateGrids(of: patrol) {
            let lines = try MetricProjectionPool.shared.withProjections { projections in
                let projection = try projections.projection(zone)
                return patrol.segments.map { $0.points.map { projection.forward($0.coordinate) } }
            }
            for grid in candidates { result[grid, default: Contribution()].lines = lines }
        }
        return result
    }

    /// Maximal runs of consecutive fixes in one grid, per segment.
    private func runs(of patrol: CleanedPatrol) -> [(Int, Visit)] {
        var runs: [(Int, Visit)] = []
        for segment in patrol.segments {
            var current: (grid: Int, visit: Visit)?
            for point in segment.points {
                let grid = grids.index.lookup(point.coordinate.x, point.coordinate.y).first
                if let open = current, open.grid == grid {
                    current!.visit.end = point.milliseconds
                    continue
                }
                if let open = current { runs.append(open) }
                current = grid.map { ($0, Visit(start: point.milliseconds, end: point.milliseconds)) }
            }
            if let open = current { runs.append(open) }
        }
        return runs
    }

    /// Grids whose box meets the patrol's box widened by the radius, by zone.
    private func candidateGrids(of patrol: CleanedPatrol) -> [GaussKrugerZone: [Int]] {
        guard let box = BoundingBox(patrol.segments.lazy.flatMap(\.points).map(\.coordinate)) else { return [:] }
        let metric = LocalMetric(latitude: max(abs(box.minY), abs(box.maxY)))
        let margin = options.radius * 1.01
        let dx = margin / metric.metersPerDegreeX, dy = margin / metric.metersPerDegreeY
        let wide = BoundingBox(minX: box.minX - dx, minY: box.minY - dy, maxX: box.maxX + dx, maxY: box.maxY + dy)
        var byZone: [GaussKrugerZone: [Int]] = [:]
        for (grid, gridBox) in grids.boxes.enumerated() where gridBox.intersects(wide) {
            byZone[grids.zones[grid], default: []].append(grid)
        }
        return byZone
    }
}
