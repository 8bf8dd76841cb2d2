import Foundation
import GridMapCore
import GridMapGeometry
import GridMapJSON
import Testing

/// The structure helpers put every comma, and what they write is the JSON Foundation reads.
@Suite struct JSONWriterStructureTests {
    private func text(_ write: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter()
        write(&json)
        return String(buffer: json.buffer)
    }

    @Test func commasGoBetweenMembersAndItemsAtEveryDepth() throws {
        let written = text { json in
            json.object { json in
                json.key("empty"); json.array([String]())
                json.key("names"); json.array(["甲", "a\"b", "line\nbreak"])
                json.key("nested")
                json.object { json in
                    json.key("first"); json.object { _ in }
                    json.key(dynamic: "键 \"quoted\""); json.array([1, 2, 3]) { $0.number($1) }
                }
                json.key("after"); json.bool(true)
            }
        }
        #expect(written == #"{"empty":[],"names":["甲","a\"b","line\nbreak"],"nested":{"first":{},"键 \"quoted\"":[1,2,3]},"after":true}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        #expect(parsed["names"] as? [String] == ["甲", "a\"b", "line\nbreak"])
        #expect((parsed["nested"] as? [String: Any])?["键 \"quoted\""] as? [Int] == [1, 2, 3])
    }

    /// Exterior rings counter-clockwise and holes clockwise (RFC 7946 §3.1.6), whatever the input's winding.
    @Test func polygonsAreWrittenWithRFC7946Winding() throws {
        let clockwise: Ring = [Coordinate(0, 0), Coordinate(0, 1), Coordinate(1, 1), Coordinate(1, 0), Coordinate(0, 0)]
        let hole: Ring = [Coordinate(0.2, 0.2), Coordinate(0.8, 0.2), Coordinate(0.8, 0.8), Coordinate(0.2, 0.8), Coordinate(0.2, 0.2)]
        let written = text { $0.multiPolygonGeometry(MultiPolygon([Polygon(exterior: clockwise, holes: [hole])])) }
        let geometry = try #require(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        let rings = try #require((geometry["coordinates"] as? [[[[Double]]]])?.first)
        func signedArea(_ ring: [[Double]]) -> Double {
            zip(ring, ring.dropFirst()).reduce(0) { $0 + ($1.0[0] * $1.1[1] - $1.1[0] * $1.0[1]) } / 2
        }
        #expect(rings.count == 2 && signedArea(rings[0]) == 1 && abs(signedArea(rings[1]) + 0.36) < 1e-12)
    }
}
