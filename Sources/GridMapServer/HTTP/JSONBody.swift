import Foundation
import GridMapGeometry
import Hummingbird

/// A request body that must be a JSON object, with typed field access whose errors name the field.
struct JSONBody {
    let fields: [String: JSONValue]

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
}
