import GridMapGeometry

/// Where and when the events were reported: the box of their points and the first and last
/// report times (ISO 8601).
public struct EventExtent: Sendable {
    public var box: BoundingBox
    public var first: String
    public var last: String

    public init(box: BoundingBox, first: String, last: String) {
        self.box = box
        self.first = first
        self.last = last
    }
}
