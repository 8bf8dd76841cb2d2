import Dispatch
import GridMapGeometry
import Synchronization
import Testing

/// PROJ's Gauss-Krüger zones against reference values computed with pyproj (EPSG:4490 → 454x).
@Suite struct MetricProjectionTests {
    @Test func zonesFollowLongitude() {
        #expect(GaussKrugerZone(longitude: 119.72).epsg == 4549)
        #expect(GaussKrugerZone(longitude: 118.4).epsg == 4548)
        #expect(GaussKrugerZone(longitude: 121.6).epsg == 4550)
        #expect(GaussKrugerZone(longitude: 10).epsg == 4534, "outside China: the nearest zone")
    }

    @Test func forwardAndInverseMatchPyproj() throws {
        let cm120 = try MetricProjection(zone: GaussKrugerZone(longitude: 120))
        let references: [(Coordinate, Coordinate)] = [
            (Coordinate(120, 30), Coordinate(500_000.0, 3_320_113.3978)),
            (Coordinate(119.72, 28.27), Coordinate(472_527.5690, 3_128_395.3817)),
            (Coordinate(121.1, 30.4), Coordinate(605_709.8746, 3_364_969.2601)),
        ]
        for (lonLat, metres) in references {
            let projected = cm120.forward(lonLat)
            #expect(abs(projected.x - metres.x) < 0.001 && abs(projected.y - metres.y) < 0.001, "\(lonLat)")
            let back = cm120.inverse(projected)
            #expect(abs(back.x - lonLat.x) < 1e-9 && abs(back.y - lonLat.y) < 1e-9)
        }
        let cm117 = try MetricProjection(zone: GaussKrugerZone(longitude: 117.5))
        let other = cm117.forward(Coordinate(117.5, 29.0))
        #expect(abs(other.x - 548_719.7842) < 0.001 && abs(other.y - 3_209_372.3864) < 0.001)
    }

    @Test func areasAreCloseToTheEllipsoid() throws {
        // A 0.1° cell near 大港头: 108,755,439 m² on the GRS80 ellipsoid (pyproj Geod).
        let ring = [Coordinate(119.7, 28.2), Coordinate(119.8, 28.2), Coordinate(119.8, 28.3), Coordinate(119.7, 28.3),
                    Coordinate(119.7, 28.2)]
        let hole = [Coordinate(119.74, 28.24), Coordinate(119.74, 28.26), Coordinate(119.76, 28.26), Coordinate(119.76, 28.24),
                    Coordinate(119.74, 28.24)]
        let projection = try MetricProjection(zone: GaussKrugerZone(longitude: 119.75))
        let area = projection.area(MultiPolygon([Polygon(exterior: ring)]))
        #expect(abs(area / 108_755_439 - 1) < 0.001, "Gauss-Krüger scale error near the central meridian is < 0.1 %")
        let holed = projection.area(MultiPolygon([Polygon(exterior: ring, holes: [hole])]))
        #expect(abs((area - holed) / (area / 25) - 1) < 0.01, "a hole of 1/25 of the cell is subtracted")
    }

    @Test func thePoolLendsEachProjectionToOneBorrowerAtATimeAndReusesIt() throws {
        let pool = MetricProjectionPool()
        let zone = GaussKrugerZone(longitude: 120)
        let first = try pool.withProjections { ObjectIdentifier(try $0.projection(zone)) }
        #expect(try pool.withProjections { ObjectIdentifier(try $0.projection(zone)) } == first, "given back, then lent again")
        let (outer, inner) = try pool.withProjections { outer in
            let lent = try outer.projection(zone)
            return (lent, try pool.withProjections { try $0.projection(zone) })
        }
        #expect(outer !== inner, "never lent to two borrowers at once")
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let p = Coordinate(119.5 + Double(i) / 100, 28 + Double(i) / 100)
            let reference = try! MetricProjection(zone: zone).forward(p)
            for _ in 0..<200 {
                let projected = try! pool.withProjections { try $0.projection(zone).forward(p) }
                if projected != reference { wrong.withLock { $0 += 1 } }
            }
        }
        #expect(wrong.withLock { $0 } == 0)
    }
}
