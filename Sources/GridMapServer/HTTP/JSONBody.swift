import Foundation
import GridMapCore
import GridMapGeometry
import Hummingbird

/// A request body that must be a JSON object, with typed field access whose errors name the field.
struct JSONBody {
    let fields: [String: JSONValue]

    /// An object read elsewhere (one item of a file).
    init(fields: [String: JSONValue]) { self.fields = fields }

    init(_ request: Request, maxBytes: Int) async throws {
        let buffer = try await request.collectBody(upTo: maxBytes)
        guard let value = try? JSONValue.parse(Data(buffer: buffer)), case .object(let fields) = value else {
            throw APIError.badRequest("malformed_body", "the body must be a JSON object")
        }
        self.fields = fields
    }

    func requiredString(_ key: String) throws -> String {
        guard let value = try optionalString(key), !value.isEmpty else {
            throw APIError.badRequest("missing_field", "'\(key)' is required")
        }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = fields[key], value != .null else { return nil }
        guard let text = value.string else { throw APIError.badRequest("invalid_field", "'\(key)' must be a string") }
        return text
    }

    func requiredNumber(_ key: String) throws -> Double {
        guard let number = try optionalNumber(key) else { throw APIError.badRequest("missing_field", "'\(key)' is required") }
        return number
    }

    func optionalNumber(_ key: String) throws -> Double? {
        guard let value = fields[key], value != .null else { return nil }
        guard let number = value.number else { throw APIError.badRequest("invalid_field", "'\(key)' must be a number") }
        return number
    }

    func optionalStrings(_ key: String) throws -> [String]? {
        guard let value = fields[key], value != .null else { return nil }
        let strings = value.array?.compactMap(\.string)
        guard let strings, strings.count == value.array?.count else {
            throw APIError.badRequest("invalid_field", "'\(key)' must be an array of strings")
        }
        return strings
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard let value = fields[key], value != .null else { return nil }
        guard case .bool(let flag) = value else { throw APIError.badRequest("invalid_field", "'\(key)' must be true or false") }
        return flag
    }

    /// An ISO 8601 time, Beijing time when it has no zone.
    func optionalInstant(_ key: String) throws -> Instant? {
        guard let text = try optionalString(key) else { return nil }
        guard let instant = Instant(parsing: text, zone: .beijing) else {
            throw APIError.badRequest("invalid_field", "'\(key)': '\(text)' is not an ISO 8601 time")
        }
        return instant
    }

    /// A deadline: an ISO 8601 time (Beijing time when it has no zone), or a plain date meaning
    /// the end of that Beijing day.
    func optionalDeadline(_ key: String) throws -> Instant? {
        guard let text = try optionalString(key) else { return nil }
        guard let start = Instant(parsing: text, zone: .beijing) else {
            throw APIError.badRequest("invalid_field", "'\(key)': '\(text)' is not an ISO 8601 time or date")
        }
        return text.count == 10 ? start.adding(hours: 24) : start
    }
}
