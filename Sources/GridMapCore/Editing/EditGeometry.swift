import GridMapGeometry

/// GEOS in degrees with areas and lengths in metres, for one edit (GEOS contexts are not
/// thread-safe: one per edit). Coordinates stay as stored, so an edit moves no vertex it does not
/// have to; areas use the square metres per square degree at the town's latitude and lengths the
/// local metric, both far more precise than the 1 m² tolerance needs at town scale.
final class EditGeometry {
    let geos = GEOSContext()
    let metric: LocalMetric
    /// Square metres per square degree.
    private let areaScale: Double
    /// Width of the band a neighbour is widened by to find the border it shares with a piece
    /// (about 1 cm): overlay results are not always exactly collinear with their neighbours.
    private let touchWidth = 1e-7

    init(latitude: Double) {
        metric = LocalMetric(latitude: latitude)
        areaScale = metric.metersPerDegreeX * metric.metersPerDegreeY
    }

    func shape(_ value: MultiPolygon) throws -> GEOSGeometryValue { try geos.geometry(value) }

    /// Area in square metres.
    func squareMeters(_ shape: GEOSGeometryValue) -> Double { shape.area * areaScale }

    /// Length in metres of the lines of a geometry.
    func meters(_ lines: GEOSGeometryValue) -> Double {
        lines.lineStrings().reduce(0) { total, line in
            zip(line, line.dropFirst()).reduce(total) { $0 + metric.distance($1.0, $1.1) }
        }
    }

    /// `shape` widened by a centimetre, to measure borders against.
    func touchZone(_ shape: GEOSGeometryValue) throws -> GEOSGeometryValue { try shape.buffer(touchWidth) }

    /// Length in metres of `piece`'s boundary running along a neighbour's ``touchZone(_:)``.
    func sharedBorder(_ piece: GEOSGeometryValue, _ neighbourZone: GEOSGeometryValue) throws -> Double {
        guard let a = piece.envelope, let b = neighbourZone.envelope, a.intersects(b) else { return 0 }
        return meters(try piece.boundary().intersection(neighbourZone))
    }

    /// The parts of `shape` larger than `squareMeters`.
    func parts(of shape: GEOSGeometryValue, largerThan squareMeters: Double) -> [GEOSGeometryValue] {
        shape.polygonParts().filter { self.squareMeters($0) > squareMeters }
    }
}
