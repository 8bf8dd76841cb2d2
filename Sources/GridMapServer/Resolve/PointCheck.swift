import GridMapCore
import GridMapGeometry

/// The 400s for points that ``PointAcceptance`` refuses: not finite, out of range, or longitude
/// and latitude swapped.
enum PointCheck {
    static func validate(_ input: Coordinate, label: @autoclosure () -> String) throws {
        if let refusal = PointAcceptance.rangeRefusal(input) { throw APIError(refusal, label: label()) }
    }

    static func rejectSwapped(_ input: Coordinate, used: Coordinate, crs: CoordinateSystem, resolver: Resolver,
                              label: @autoclosure () -> String) throws {
        if let refusal = PointAcceptance.swapRefusal(input, used: used, crs: crs, resolver: resolver) {
            throw APIError(refusal, label: label())
        }
    }
}

extension APIError {
    init(_ refusal: PointAcceptance.Refusal, label: String) {
        self = .badRequest(refusal.code.rawValue, "\(label): \(refusal.description)")
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
