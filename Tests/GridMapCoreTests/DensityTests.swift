import GridMapCore
import GridMapGeometry
import Testing

/// Class breaks, bins and clusters of the in-memory density maps, on known values and geometry.
@Suite struct DensityTests {
    @Test func jenksFindsNaturalGroupsAndQuantilesSplitEvenly() {
        let values: [Double] = [1, 2, 3, 10, 11, 12, 50, 51, 3, 2]
        #expect(ClassBreaks(values, classes: 3, method: .jenks).upperBounds == [3, 12, 51])
        #expect(ClassBreaks(values, classes: 3, method: .jenks).classOf(11) == 2)
        let ramp = (1...100).map(Double.init)
        let quartiles = ClassBreaks(ramp, classes: 4, method: .quantile)
        #expect(quartiles.upperBounds == [25, 50, 75, 100])
        #expect(ramp.map(quartiles.classOf).reduce(into: [Int: Int]()) { $0[$1, default: 0] += 1 } == [1: 25, 2: 25, 3: 25, 4: 25])
        #expect(ClassBreaks([4, 4, 4], classes: 5, method: .jenks).upperBounds == [4], "no more classes than distinct values")
        #expect(ClassBreaks([], classes: 5, method: .quantile).upperBounds.isEmpty)
        // Jenks is optimal: no other 2-class split of these values has a smaller within-class deviation.
        let mixed: [Double] = [0.5, 1.5, 2, 7, 8, 8.5, 9, 20]
        let bound = ClassBreaks(mixed, classes: 2, method: .jenks).upperBounds[0]
        func deviation(_ split: Double) -> Double {
            [mixed.filter { $0 <= split }, mixed.filter { $0 > split }].reduce(0) { total, group in
                let mean = group.reduce(0, +) / Double(group.count)
                return total + group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            }
        }
        #expect(mixed.dropLast().allSatisfy { deviation(bound) <= deviation($0) + 1e-9 })
    }

    @Test(arguments: BinShape.allCases) func everyPointLiesInTheBinItIsCountedIn(shape: BinShape) {
        let grid = BinGrid(shape: shape, size: 200)
        let zone = GaussKrugerZone(longitude: 120)
        var random = SplitMix64(seed: 5)
        for _ in 0..<20_000 {
            let p = Coordinate(470_000 + random.unit() * 20_000, 3_120_000 + random.unit() * 20_000)
            let cell = grid.cell(of: p, zone: zone)
            let outline = grid.outline(of: cell)
            #expect(Self.covers(outline, p), "\(p) outside \(grid.id(of: cell))")
            let centre = Coordinate(outline.dropLast().map(\.x).reduce(0, +) / Double(outline.count - 1),
                                    outline.dropLast().map(\.y).reduce(0, +) / Double(outline.count - 1))
            #expect(grid.cell(of: centre, zone: zone) == cell, "a bin's centre is in the bin")
        }
        let area = abs(zip(grid.outline(of: BinCell(zone: zone, q: 3, r: -7)), grid.outline(of: BinCell(zone: zone, q: 3, r: -7)).dropFirst())
            .reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y } / 2)
        #expect(abs(area - (shape == .hex ? 3.0.squareRoot() / 2 : 1) * 200 * 200) < 1e-6)
        #expect(grid.id(of: BinCell(zone: zone, q: 12, r: -3)) == "\(shape.rawValue)-200-4549-12_-3")
    }

    /// Even-odd ray crossing with the boundary included (bins share edges; either side is fine).
    private static func covers(_ ring: Ring, _ p: Coordinate) -> Bool {
        var inside = false
        for (a, b) in zip(ring, ring.dropFirst()) {
            let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
            let onSegment = abs(cross) < 1e-6 && min(a.x, b.x) - 1e-6 <= p.x && p.x <= max(a.x, b.x) + 1e-6
                && min(a.y, b.y) - 1e-6 <= p.y && p.y <= max(a.y, b.y) + 1e-6
            if onSegment { return true }
            if (a.y > p.y) != (b.y > p.y), p.x < a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x) { inside.toggle() }
        }
        return inside
    }

    @Test func filtersAndClustersAgreeWithABruteForceCount() {
        var table = EventFactsTable()
        var random = SplitMix64(seed: 9)
        let categories = ["fire.passage", "fire.ebike", "dispute.family"], towns = ["T1", "T2"]
        for id in 1...5_000 {
            let point = Coordinate((id % 10 == 0 ? 118.3 : 119.6) + random.unit() * 0.3, 28.2 + random.unit() * 0.2)
            table.set(EventFact(id: Int64(id), reported: Instant(milliseconds: Int64(random.unit() * 1_000_000)), closed: nil, deadline: nil,
                                status: id % 3 == 0 ? .resolved : .received,
                                keys: [.town: towns[id % 2], .category: categories[id % 3], .grid: "G\(id % 50)"],
                                point: point, planar: Coordinate(point.x * 100_000, point.y * 100_000),
                                zone: GaussKrugerZone(longitude: point.x)))
        }
        var filter = EventFilter(from: Instant(milliseconds: 200_000), to: Instant(milliseconds: 700_000))
        filter.category = "fire"
        filter.town = "T2"
        filter.bbox = BoundingBox(minX: 119.65, minY: 28.25, maxX: 119.8, maxY: 28.35)
        let expected = (0..<table.count).filter { i -> Bool in
            table.reported[i] >= 200_000 && table.reported[i] < 700_000 && table.keys[.category]![Int(table.keyIndex[.category]![i])].hasPrefix("fire.")
                && table.keys[.town]![Int(table.keyIndex[.town]![i])] == "T2" && filter.bbox!.contains(table.points[i])
        }
        let rows = table.rows(matching: filter)
        #expect(rows.map(Int.init) == expected && !expected.isEmpty)
        filter.town = "nowhere"
        #expect(table.rows(matching: filter).isEmpty)
        #expect(table.counts(by: .grid, rows: rows).reduce(0, +) == rows.count)

        let all = table.rows(matching: EventFilter(from: Instant(milliseconds: 0), to: Instant(milliseconds: 2_000_000)))
        for grid in [BinGrid(shape: .hex, size: 250), BinGrid(shape: .square, size: 1_000)] {
            let naive = all.reduce(into: [BinCell: Int]()) { counts, row in
                counts[grid.cell(of: table.planar[Int(row)], zone: table.zones[Int(row)]), default: 0] += 1
            }
            #expect(table.binCounts(grid, rows: all) == naive && Set(naive.keys.map(\.zone)).count == 2)
        }
        let few = table.weightedPoints(rows: Array(all.prefix(30)), limit: 100)
        #expect(few.clusterSize == nil && few.points.count == 30 && few.points.allSatisfy { $0.weight == 1 })
        let clustered = table.weightedPoints(rows: all, limit: 200)
        #expect(clustered.clusterSize != nil && clustered.points.count <= 200)
        #expect(clustered.points.reduce(0) { $0 + $1.weight } == all.count)
        let mean = clustered.points.reduce(0.0) { $0 + $1.point.x * Double($1.weight) } / Double(all.count)
        #expect(abs(mean - all.reduce(0.0) { $0 + table.points[Int($1)].x } / Double(all.count)) < 1e-9,
                "clusters sit at their members' mean")
    }
}
