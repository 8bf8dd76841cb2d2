/// A longitude/latitude pair in degrees (x = longitude, y = latitude).
public struct Coordinate: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    public var longitude: Double { x }
    public var latitude: Double { y }
}

/// An axis-aligned rectangle in the coordinate plane.
public struct BoundingBox: Hashable, Sendable {
    public var minX, minY, maxX, maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }

    /// The box around `coordinates`; nil when the sequence is empty.
    public init?<S: Sequence>(_ coordinates: S) where S.Element == Coordinate {
        var box: BoundingBox?
        for c in coordinates { box = box?.expanded(by: c) ?? BoundingBox(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y) }
        guard let box else { return nil }
        self = box
    }

    /// The box grown by `margin` on every side.
    public func padded(by margin: Double) -> BoundingBox {
        BoundingBox(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
    }

    public func expanded(by c: Coordinate) -> BoundingBox {
        BoundingBox(minX: Swift.min(minX, c.x), minY: Swift.min(minY, c.y),
                    maxX: Swift.max(maxX, c.x), maxY: Swift.max(maxY, c.y))
    }

    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
                    maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    public func intersects(_ other: BoundingBox) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    public func contains(_ c: Coordinate) -> Bool {
        c.x >= minX && c.x <= maxX && c.y >= minY && c.y <= maxY
    }

    /// True when `other` lies wholly inside (edges included).
    public func contains(_ other: BoundingBox) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
}
