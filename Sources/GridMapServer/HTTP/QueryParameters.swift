import Foundation
import GridMapCore
import GridMapGeometry
import Hummingbird

/// A request's query parameters read as typed values; each problem is a 400 naming the parameter.
struct QueryParameters {
    private let request: Request

    init(_ request: Request) { self.request = request }

    func text(_ key: String) -> String? { request.uri.queryParameters[key[...]].map(String.init) }

    /// A 400 naming the first parameter not in `allowed`.
    func rejectUnknown(allowed: Set<String>) throws {
        if let unknown = request.uri.queryParameters.first(where: { !allowed.contains(String($0.key)) }) {
            throw APIError.badRequest("unknown_parameter", "unknown query parameter '\(unknown.key)' (known: "
                + allowed.sorted().joined(separator: ", ") + ")")
        }
    }

    /// `bbox=minLon,minLat,maxLon,maxLat`.
    func bbox() throws -> BoundingBox? {
        guard let text = text("bbox") else { return nil }
        let values = text.split(separator: ",").compactMap { Double($0) }
        guard values.count == 4, values.allSatisfy({ $0.isFinite }), values[0] <= values[2], values[1] <= values[3],
              (-180...180).contains(values[0]), (-180...180).contains(values[2]),
              (-90...90).contains(values[1]), (-90...90).contains(values[3]) else {
            throw APIError.badRequest("invalid_parameter", "'bbox' must be minLon,minLat,maxLon,maxLat in degrees")
        }
        return BoundingBox(minX: values[0], minY: values[1], maxX: values[2], maxY: values[3])
    }

    /// `as_of` as ``instant(_:)`` reads it, or its former spelling `asOf` (accepted for one release).
    func asOf() throws -> Instant? { try instant(text("as_of") != nil ? "as_of" : "asOf") }

    /// An ISO 8601 time. A time without a zone is Beijing time, and a plain date the Beijing day's
    /// first instant (00:00+08:00): `from=2025-01-01&to=2025-01-02` is that Beijing day, `to`
    /// exclusive, as for coverage (``PatrolDay/range(from:to:)``).
    func instant(_ key: String) throws -> Instant? {
        guard let value = text(key) else { return nil }
        guard let instant = Instant(parsing: value, zone: .beijing) else {
            throw APIError.badRequest("invalid_parameter", "'\(key)': '\(value)' is not an ISO 8601 time")
        }
        return instant
    }

    func status() throws -> EventStatus? {
        guard let value = text("status") else { return nil }
        guard let status = EventStatus(rawValue: value) else {
            throw APIError.badRequest("invalid_parameter", "'status': unknown status '\(value)' (one of: "
                + EventStatus.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return status
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = text(key) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw APIError.badRequest("invalid_parameter", "'\(key)' must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = text(key) else { return nil }
        guard let number = Double(value), number.isFinite, range.contains(number) else {
            throw APIError.badRequest("invalid_parameter", "'\(key)' must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// One of an enumeration's raw values.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let value = text(key) else { return nil }
        guard let choice = T(rawValue: value) else {
            throw APIError.badRequest("invalid_parameter", "'\(key)' must be one of: " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return choice
    }
}
