import Foundation
import GridMapGeometry
import Synchronization

/// Computes a day's coverage of every grid from the members' cleaned patrols, on all cores.
///
/// Per patrol (one member's day): its fixes are located in the grid index to find the intervals
/// spent in each grid, its stops' centres give dwell time, and its segments — projected to the
/// Gauss-Krüger zone of each grid they come near and buffered by the radius there — are cut by
/// each such grid (clip to the grid's box, then intersect) and measured inside it. Per grid, the
/// members' pieces are then united. Each worker has its own GEOS context and PROJ objects.
public struct DailyCoverage: Sendable {
    public let grids: CoverageGrids
    public let options: CoverageOptions

    public init(grids: CoverageGrids, options: CoverageOptions) {
        self.grids = grids
        self.options = options
    }

    /// What one patrol contributed to one grid.
    struct Contribution: Sendable {
        var piece: MultiPolygon?
        var length = 0.0
        var dwellSeconds = 0.0
        var stops = 0
        var runs: [Visit] = []
        var member: String?
    }

    public func compute(day: PatrolDay, patrols: [CleanedPatrol]) throws -> [GridDayCoverage] {
        let byGrid = Mutex<[Int: [Contribution]]>([:])
        let failure = Mutex<(any Error)?>(nil)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in
            do {
                var worker = try Worker(coverage: self)
                var local: [Int: [Contribution]] = [:]
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < patrols.count else { break }
                    for (grid, contribution) in try worker.contributions(of: patrols[i]) {
                        local[grid, default: []].append(contribution)
                    }
                }
                byGrid.withLock { all in all.merge(local) { $0 + $1 } }
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        let contributions = byGrid.withLock { $0 }.sorted { $0.key < $1.key }
        let results = Mutex([GridDayCoverage?](repeating: nil, count: contributions.count))
        let nextGrid = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in
            let context = GEOSContext()
            while true {
                let i = nextGrid.add(1, ordering: .relaxed).oldValue
                guard i < contributions.count else { break }
                do {
                    let result = try combine(grid: contributions[i].key, day: day, contributions[i].value, context)
                    results.withLock { $0[i] = result }
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0 }.compactMap { $0 }
    }

    /// One grid's day from the patrols' contributions.
    private func combine(grid: Int, day: PatrolDay, _ contributions: [Contribution], _ context: GEOSContext) throws -> GridDayCoverage {
        let pieces = try contributions.compactMap(\.piece).map { try context.geometry($0) }
        let covered = pieces.isEmpty ? MultiPolygon([]) : pieces.count == 1 ? pieces[0].polygons() : try context.union(pieces).polygons()
        return GridDayCoverage(
            grid: grids.codes[grid], day: day, covered: covered, zone: grids.zones[grid], coveredArea: covered.planarArea,
            length: contributions.reduce(0) { $0 + $1.length },
            dwellSeconds: contributions.reduce(0) { $0 + $1.dwellSeconds }, stops: contributions.reduce(0) { $0 + $1.stops },
            visits: Visit.merged(contributions.flatMap(\.runs), gap: options.visitGap),
            members: Set(contributions.compactMap(\.member)).sorted())
    }

    /// A worker's GEOS context, its GEOS copies of the grids, and its projections.
    struct Worker {
        let coverage: DailyCoverage
        let context = GEOSContext()
        var gridGeometries: [Int: GEOSGeometryValue] = [:]
        var projections = MetricProjections()

        init(coverage: DailyCoverage) throws { self.coverage = coverage }

        private var grids: CoverageGrids { coverage.grids }

        mutating func contributions(of patrol: CleanedPatrol) throws -> [Int: Contribution] {
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
                let projection = try projections.projection(zone)
                let lines = try context.lineGeometry(patrol.segments.map { segment in
                    segment.points.count == 1 ? [segment.points[0].coordinate, segment.points[0].coordinate] : segment.points.map(\.coordinate)
                }, transform: projection.forward)
                let buffered = try lines.buffer(coverage.options.radius)
                for grid in candidates {
                    let box = grids.metricBoxes[grid]
                    let near = try buffered.clipped(to: box)
                    guard !near.isEmpty else { continue }
                    let shape = try gridGeometry(grid)
                    let piece = try near.intersection(shape).polygons()
                    guard !piece.polygons.isEmpty else { continue }
                    result[grid, default: Contribution()].piece = piece
                    result[grid]!.length = try lines.clipped(to: box).intersection(shape).length
                }
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
            let margin = coverage.options.radius * 1.01
            let dx = margin / metric.metersPerDegreeX, dy = margin / metric.metersPerDegreeY
            let wide = BoundingBox(minX: box.minX - dx, minY: box.minY - dy, maxX: box.maxX + dx, maxY: box.maxY + dy)
            var byZone: [GaussKrugerZone: [Int]] = [:]
            for (grid, gridBox) in grids.boxes.enumerated() where gridBox.intersects(wide) {
                byZone[grids.zones[grid], default: []].append(grid)
            }
            return byZone
        }

        private mutating func gridGeometry(_ grid: Int) throws -> GEOSGeometryValue {
            if let made = gridGeometries[grid] { return made }
            let made = try context.geometry(grids.metric[grid])
            gridGeometries[grid] = made
            return made
        }
    }
}
