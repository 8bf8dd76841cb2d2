import CGEOS

/// A GEOS reentrant-API context. GEOS contexts and the geometries made in them are not
/// thread-safe: create one per task (it is deliberately not `Sendable`).
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages: MessageBox

    /// Collects GEOS error messages, which GEOS otherwise drops silently.
    final class MessageBox {
        var lastError: String?
    }

    public init() {
        handle = GEOS_init_r()
        messages = MessageBox()
        let box = Unmanaged.passUnretained(messages).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userData in
            guard let message, let userData else { return }
            Unmanaged<MessageBox>.fromOpaque(userData).takeUnretainedValue().lastError = String(cString: message)
        }, box)
    }

    deinit { GEOS_finish_r(handle) }

    /// Wraps a GEOS result, turning NULL into an error that carries GEOS's own message.
    func wrap(_ pointer: OpaquePointer?, _ operation: String) throws -> GEOSGeometryValue {
        guard let pointer else { throw GEOSError(operation: operation, message: takeError()) }
        return GEOSGeometryValue(context: self, handle: pointer)
    }

    func takeError() -> String {
        defer { messages.lastError = nil }
        return messages.lastError ?? "unknown GEOS error"
    }

    /// Makes a GEOS MultiPolygon, optionally mapping every coordinate first (e.g. to metres).
    public func geometry(_ value: MultiPolygon, transform: (Coordinate) -> Coordinate = { $0 }) throws -> GEOSGeometryValue {
        var parts: [OpaquePointer?] = []
        for polygon in value.polygons {
            var rings: [OpaquePointer?] = try polygon.rings.map { ring in
                var buffer: [Double] = []
                buffer.reserveCapacity(ring.count * 2)
                for c in ring { let t = transform(c); buffer.append(t.x); buffer.append(t.y) }
                let sequence = GEOSCoordSeq_copyFromBuffer_r(handle, buffer, UInt32(ring.count), 0, 0)
                guard let linearRing = GEOSGeom_createLinearRing_r(handle, sequence) else {
                    throw GEOSError(operation: "linear ring", message: takeError())
                }
                return linearRing
            }
            let shell = rings.removeFirst()
            let holes = rings
            let made = holes.withUnsafeBufferPointer { holesBuffer in
                GEOSGeom_createPolygon_r(handle, shell, UnsafeMutablePointer(mutating: holesBuffer.baseAddress), UInt32(holes.count))
            }
            guard let made else { throw GEOSError(operation: "polygon", message: takeError()) }
            parts.append(made)
        }
        let collection = parts.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(GEOS_MULTIPOLYGON.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        return try wrap(collection, "multipolygon")
    }

    /// The union of several geometries.
    public func union(_ geometries: [GEOSGeometryValue]) throws -> GEOSGeometryValue {
        var clones: [OpaquePointer?] = geometries.map { GEOSGeom_clone_r(handle, $0.handle) }
        let collection = clones.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        let all = try wrap(collection, "collection")
        return try wrap(GEOSUnaryUnion_r(handle, all.handle), "union")
    }
}

/// A GEOS failure with GEOS's own message.
public struct GEOSError: Error, CustomStringConvertible {
    public var operation: String
    public var message: String
    public var description: String { "GEOS \(operation) failed: \(message)" }
}
