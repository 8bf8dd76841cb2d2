import GridMapGeometry

extension MultiPolygon {
    /// The polygons bounded by disjoint, non-touching contour rings (as ``MarchingSquares``
    /// makes them): each hole belongs to the smallest exterior ring around it.
    init(contourRings rings: [ContourRing]) {
        var exteriors: [(ring: Ring, area: Double, box: BoundingBox)] = []
        var holes: [(ring: Ring, area: Double)] = []
        for ring in rings {
            let area = abs(ring.points.signedArea)
            if ring.isExterior {
                exteriors.append((ring.points, area, BoundingBox(ring.points)!))
            } else {
                holes.append((ring.points, area))
            }
        }
        var holesOfExterior = [[Ring]](repeating: [], count: exteriors.count)
        let smallestFirst = exteriors.indices.sorted { exteriors[$0].area < exteriors[$1].area }
        for hole in holes {
            let probe = hole.ring[0]
            let owner = smallestFirst.first { i in
                let exterior = exteriors[i]
                return exterior.area > hole.area && exterior.box.contains(probe)
                    && MultiPolygon([Polygon(exterior: exterior.ring)]).covers(probe)
            }
            guard let owner else { preconditionFailure("a contour hole lies outside every exterior ring") }
            holesOfExterior[owner].append(hole.ring)
        }
        self.init(exteriors.indices.map { Polygon(exterior: exteriors[$0].ring, holes: holesOfExterior[$0]) })
    }
}
