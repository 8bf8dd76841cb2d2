import GridMapCore
import GridMapGeometry

/// The 400s for bad coordinates: not finite, out of range, or longitude and latitude swapped.
enum PointCheck {
    static func validate(_ input: Coordinate, label: @autoclosure () -> String) throws {
        if let problem = CoordinateCheck.problem(input) {
            let code = problem.contains("swapped") ? "lat_lon_swapped" : "invalid_coordinate"
            throw APIError.badRequest(code, "\(label()): \(problem)")
        }
    }

    /// Rejects a point that makes sense only swapped: far from every boundary as given (`used`
    /// is `input` converted to WGS84), but within the data's extent once longitude and latitude
    /// trade places.
    static func rejectSwapped(_ input: Coordinate, used: Coordinate, crs: CoordinateSystem, resolver: Resolver,
                              label: @autoclosure () -> String) throws {
        guard !resolver.isNearData(used) else { return }
        let swapped = Coordinate(input.y, input.x)
        guard CoordinateCheck.problem(swapped) == nil, resolver.isNearData(crs.toWGS84(swapped)) else { return }
        throw APIError.badRequest("lat_lon_swapped", "\(label()): [\(input.x), \(input.y)] is far from every boundary but "
            + "[\(swapped.x), \(swapped.y)] is inside the data: longitude and latitude look swapped (the order is lon, lat)")
    }
}

extension CoordinateSystem {
    /// The coordinate system a request names (`wgs84` when it names none), or a 400 `unknown_crs`.
    init(requested text: String?) throws {
        guard let text else { self = .wgs84; return }
        guard let crs = CoordinateSystem(rawValue: text.lowercased()) else {
            throw APIError.badRequest("unknown_crs", "unknown crs '\(text)' (expected one of: "
                + CoordinateSystem.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        self = crs
    }
}
