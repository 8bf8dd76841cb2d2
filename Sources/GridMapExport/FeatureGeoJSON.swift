import GridMapGeometry
import GridMapJSON
import NIOCore

/// RFC 7946 GeoJSON of exported features: longitude/latitude, exterior rings counter-clockwise,
/// no `crs` member, positions rounded to `decimals`, `id` the unit's code or the event's number,
/// properties named as the layer's ``ExportSchema`` (reals rounded to their field's decimals).
/// Rendered a page at a time, for responses and files streamed in constant memory.
public struct FeatureGeoJSON: Sendable {
    public let schema: ExportSchema
    public let decimals: Int

    /// Positions with `decimals` (0…15) digits after the point.
    public init(schema: ExportSchema, decimals: Int = 7) {
        precondition((0...15).contains(decimals), "0 to 15 decimals")
        self.schema = schema
        self.decimals = decimals
    }

    /// Everything before the first feature.
    public func header() -> ByteBuffer {
        var json = JSONWriter()
        json.raw("{\"type\":\"FeatureCollection\",\"name\":"); json.string(schema.name); json.raw(",\"features\":[")
        return json.buffer
    }

    /// A page of features, comma-separated, with a leading comma unless it is the first page.
    public func page(_ features: [ExportFeature], first: Bool) -> ByteBuffer {
        var json = JSONWriter(capacity: features.count * (schema.geometryType == .point ? 600 : 8192))
        for (i, feature) in features.enumerated() {
            if i > 0 || !first { json.raw(",") }
            write(feature, into: &json)
        }
        return json.buffer
    }

    /// Closes the collection.
    public func footer() -> ByteBuffer {
        var json = JSONWriter(capacity: 4)
        json.raw("]}")
        return json.buffer
    }

    /// One feature, open: callers may add members before its closing brace.
    public func openFeature(_ feature: ExportFeature, into json: inout JSONWriter) {
        json.raw("{\"type\":\"Feature\",\"id\":"); value(feature.id, decimals: 0, into: &json)
        json.raw(",\"geometry\":")
        switch feature.geometry {
        case .point(let c): json.pointGeometry(c, decimals: decimals)
        case .multiPolygon(let m): json.multiPolygonGeometry(m, decimals: decimals)
        }
        json.raw(",\"properties\":{")
        for (field, value) in zip(schema.fields, feature.values) {
            json.key(dynamic: field.name)
            if case .real(let decimals) = field.kind { self.value(value, decimals: decimals, into: &json) } else { self.value(value, decimals: 0, into: &json) }
        }
        json.raw("}")
    }

    public func write(_ feature: ExportFeature, into json: inout JSONWriter) {
        openFeature(feature, into: &json)
        json.raw("}")
    }

    private func value(_ value: ExportValue, decimals: Int, into json: inout JSONWriter) {
        switch value {
        case .text(let text): json.string(text)
        case .integer(let number): json.number(Int(number))
        case .real(let number) where number.isFinite:
            json.number((number * JSONWriter.scales[decimals]).rounded() / JSONWriter.scales[decimals])
        case .real, .null: json.raw("null")
        }
    }
}
