import GridMapGeometry

/// The one rule for which coordinates GridMap takes, applied wherever points come in (HTTP,
/// `gridmap resolve`, event and patrol imports): finite numbers in range, and not longitude and
/// latitude swapped — a point far (> 0.5°) from the data as given that lands inside it once the
/// two trade places.
public enum PointAcceptance {
    /// Why a point is refused.
    public struct Refusal: CodedError, Sendable {
        public enum Code: String, Sendable {
            case invalidCoordinate = "invalid_coordinate"
            case latLonSwapped = "lat_lon_swapped"
        }

        public let code: Code
        public let description: String
        public var errorCode: String { code.rawValue }
        public var failureKind: FailureKind { .invalidInput }
    }

    /// The refusal of a point in `crs` against `resolver`'s data, or nil when it is taken.
    public static func refusal(_ input: Coordinate, crs: CoordinateSystem, resolver: Resolver) -> Refusal? {
        if let refusal = rangeRefusal(input) { return refusal }
        return swapRefusal(input, used: crs.toWGS84(input), crs: crs, resolver: resolver)
    }

    /// The refusal of a point that is not a finite longitude/latitude in range (no data needed).
    public static func rangeRefusal(_ input: Coordinate) -> Refusal? {
        guard let problem = CoordinateProblem(input) else { return nil }
        return Refusal(code: problem.looksSwapped ? .latLonSwapped : .invalidCoordinate, description: problem.description)
    }

    /// The refusal of an in-range point whose WGS84 form `used` is far from every boundary while
    /// the swapped point is inside the data.
    public static func swapRefusal(_ input: Coordinate, used: Coordinate, crs: CoordinateSystem, resolver: Resolver) -> Refusal? {
        guard !resolver.isNearData(used) else { return nil }
        let swapped = Coordinate(input.y, input.x)
        guard CoordinateProblem(swapped) == nil, resolver.isNearData(crs.toWGS84(swapped)) else { return nil }
        return Refusal(code: .latLonSwapped, description: "[\(input.x), \(input.y)] is far from every boundary but "
            + "[\(swapped.x), \(swapped.y)] is inside the data: longitude and latitude look swapped (the order is lon, lat)")
    }
}
