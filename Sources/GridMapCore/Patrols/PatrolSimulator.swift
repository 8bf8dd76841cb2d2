import Foundation
import GridMapGeometry

/// Realistic synthetic patrols for samples and benchmarks (deterministic for a seed).
///
/// Each grid gets a lattice of lanes (about 90 m apart, turned by a random angle, crossings
/// jittered by up to 15 m) standing in for its paths. A member walks from crossing to crossing at
/// 1.1–1.5 m/s, mostly straight on, turning at some crossings, staying on crossings inside the
/// grid (but walking the lanes between them, which may cut a neighbour's corner), and stops
/// for 5–15 minutes now and then. The phone logs a fix every `interval` seconds with ~4 m of
/// noise, reports its accuracy, and misbehaves as phones do: a few fixes of poor accuracy,
/// rare spikes hundreds of metres off, repeated timestamps, and now and then a signal gap.
public struct PatrolSimulator: Sendable {
    public let grids: [MultiPolygon]
    private let index: PolygonIndex
    public var interval = 10.0
    public var crs = CoordinateSystem.gcj02

    public init(grids: [MultiPolygon]) {
        self.grids = grids
        index = PolygonIndex(grids)
    }

    /// One member's patrol of `grid` from `start` (UTC ms) for `hours`.
    public func patrol(member: String, grid: Int, start: Int64, hours: Double, seed: UInt64) -> [PatrolFix] {
        var random = SplitMix64(seed: seed)
        guard let box = grids[grid].boundingBox else { return [] }
        let centre = Coordinate((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)
        let metric = LocalMetric(latitude: centre.y)
        let lanes = Lanes(angle: random.unit() * .pi / 2, seed: random.next())
        func inside(_ node: Lanes.Node) -> Bool {
            let c = metric.unproject(lanes.position(node), origin: centre)
            return index.lookup(c.x, c.y).first == grid
        }
        var node = startNode(grid: grid, box: box, centre: centre, metric: metric, lanes: lanes, random: &random)
        var heading = Int(random.next() % 4)
        let end = Double(start) + hours * 3_600_000
        var t = Double(start)
        var fixes: [PatrolFix] = []
        fixes.reserveCapacity(Int(hours * 3600 / interval) + 2)
        var position = lanes.position(node)
        var clock = 0.0   // seconds walked since the last fix
        let speed = 1.1 + random.unit() * 0.4
        while t < end {
            if random.unit() < 0.02 {
                // A stop: logged in place with noise.
                let stay = (5 + random.unit() * 10) * 60
                var waited = interval - clock
                while waited < stay && t < end {
                    t += interval * 1000
                    emit(position, at: t, metric: metric, centre: centre, member: member, into: &fixes, random: &random)
                    waited += interval
                }
                clock = 0
            }
            if random.unit() < 0.001 { t += (12 + random.unit() * 10) * 60_000 }   // the signal is lost for a while
            let options = (0..<4).map { (heading + $0) % 4 }.filter { inside(lanes.neighbour(node, $0)) }
            let straight = options.first == heading ? heading : nil
            let turns = options.filter { $0 != heading && $0 != (heading + 2) % 4 }
            let roll = random.unit()
            heading = (roll < 0.7 ? straight : nil) ?? turns.randomElement(using: &random) ?? straight ?? (heading + 2) % 4
            let next = lanes.neighbour(node, heading)
            let target = lanes.position(next)
            let dx = target.x - position.x, dy = target.y - position.y
            let length = (dx * dx + dy * dy).squareRoot()
            var walked = (interval - clock) * speed
            while walked <= length && t < end {
                t += interval * 1000
                let f = walked / length
                emit(Coordinate(position.x + f * dx, position.y + f * dy), at: t, metric: metric, centre: centre,
                     member: member, into: &fixes, random: &random)
                walked += interval * speed
            }
            clock = interval - (walked - length) / speed
            node = next
            position = target
        }
        return fixes
    }

    private func emit(_ position: Coordinate, at t: Double, metric: LocalMetric, centre: Coordinate, member: String,
                      into fixes: inout [PatrolFix], random: inout SplitMix64) {
        var noisy = Coordinate(position.x + gaussian(&random) * 4, position.y + gaussian(&random) * 4)
        var accuracy = 3 + random.unit() * 12
        let roll = random.unit()
        if roll < 0.01 { accuracy = 60 + random.unit() * 140 }                         // poor fix
        else if roll < 0.013 { noisy.x += 300 + random.unit() * 400 }                   // spike
        let wgs84 = metric.unproject(noisy, origin: centre)
        let fix = PatrolFix(member: member, milliseconds: Int64(t), position: crs.fromWGS84(wgs84), crs: crs,
                            accuracy: (accuracy * 10).rounded() / 10)
        fixes.append(fix)
        if random.unit() < 0.001 { fixes.append(fix) }                                 // repeated timestamp
    }

    private func startNode(grid: Int, box: BoundingBox, centre: Coordinate, metric: LocalMetric, lanes: Lanes,
                           random: inout SplitMix64) -> Lanes.Node {
        for _ in 0..<200 {
            let c = Coordinate(box.minX + random.unit() * box.width, box.minY + random.unit() * box.height)
            guard index.lookup(c.x, c.y).first == grid else { continue }
            let node = lanes.nearestNode(metric.project(c, origin: centre))
            let back = metric.unproject(lanes.position(node), origin: centre)
            if index.lookup(back.x, back.y).first == grid { return node }
        }
        return lanes.nearestNode(Coordinate(0, 0))
    }

    private func gaussian(_ random: inout SplitMix64) -> Double {
        (-2 * log(max(random.unit(), 1e-12))).squareRoot() * cos(2 * .pi * random.unit())
    }

    /// A turned, jittered lattice of lanes in local metres.
    struct Lanes {
        struct Node: Hashable { var i: Int; var j: Int }
        static let spacing = 90.0
        let cosine: Double, sine: Double, seed: UInt64

        init(angle: Double, seed: UInt64) {
            cosine = cos(angle); sine = sin(angle); self.seed = seed
        }

        func position(_ node: Node) -> Coordinate {
            var jitter = SplitMix64(seed: seed ^ UInt64(bitPattern: Int64(node.i &* 73_856_093 ^ node.j &* 19_349_663)))
            let u = Double(node.i) * Self.spacing + (jitter.unit() - 0.5) * 30
            let v = Double(node.j) * Self.spacing + (jitter.unit() - 0.5) * 30
            return Coordinate(u * cosine - v * sine, u * sine + v * cosine)
        }

        func nearestNode(_ c: Coordinate) -> Node {
            let u = c.x * cosine + c.y * sine, v = -c.x * sine + c.y * cosine
            return Node(i: Int((u / Self.spacing).rounded()), j: Int((v / Self.spacing).rounded()))
        }

        /// The next crossing east, north, west or south (0–3) in lattice terms.
        func neighbour(_ node: Node, _ direction: Int) -> Node {
            switch direction {
            case 0: Node(i: node.i + 1, j: node.j)
            case 1: Node(i: node.i, j: node.j + 1)
            case 2: Node(i: node.i - 1, j: node.j)
            default: Node(i: node.i, j: node.j - 1)
            }
        }
    }
}
