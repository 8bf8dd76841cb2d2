import Foundation
import GridMapCore
import GridMapGeometry
import Testing
@testable import GridMapServer

/// The bulk body parser, including its parallel path for large bodies (> 1 MB), against the
/// numbers the bodies were written from.
@Suite struct PointListParserTests {
    /// Random points written with Swift's shortest round-trip spelling and varied whitespace.
    static func body(points: Int, seed: UInt64 = 3) -> (text: String, values: [Double]) {
        var random = SplitMix64(seed: seed)
        var values: [Double] = []
        var items: [String] = []
        for i in 0..<points {
            let x = 119 + random.unit(), y = 28 + random.unit()
            values += [x, y]
            items.append(i % 7 == 0 ? "[ \(x) ,\n\(y) ]" : "[\(x),\(y)]")
        }
        return ("{\"crs\":\"wgs84\",\"points\":[" + items.joined(separator: ",\n") + "]}", values)
    }

    static func parse(_ text: String, maxPoints: Int = 1_000_000) throws -> PointList {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBytes { try PointListParser.parse(UnsafeRawBufferPointer($0), maxPoints: maxPoints) }
    }

    static func message(_ text: String, maxPoints: Int = 1_000_000) -> String? {
        do { _ = try parse(text, maxPoints: maxPoints); return nil } catch PointListParser.Failure.syntax(let message) {
            return message
        } catch { return "\(error)" }
    }

    @Test(arguments: [1_000, 60_000])
    func readsEveryNumberExactlyWithItsSpelling(points: Int) throws {
        let (text, values) = Self.body(points: points)
        #expect((text.utf8.count > PointListParser.parallelThreshold) == (points > 1_000))
        let list = try Self.parse(text)
        #expect(list.crs == "wgs84")
        #expect(list.values == values)
        let utf8 = Array(text.utf8)
        let spelled = (0..<list.values.count).map {
            String(decoding: utf8[Int(list.tokens[2 * $0])..<Int(list.tokens[2 * $0 + 1])], as: UTF8.self)
        }
        #expect(spelled == values.map { "\($0)" })
        if points > 1_000 && System.coreCount > 1 {  // the large body really takes the parallel path
            let start = utf8.firstIndex(of: UInt8(ascii: "["))! + 1
            let pieces = utf8.withUnsafeBytes { PointListParser.pointsInParallel($0, from: start, maxPoints: 1_000_000) }
            #expect(pieces?.chunks.flatMap(\.values) == values)
        }
    }

    @Test func errorsInALargeBodyNameTheExactPoint() {
        let (text, values) = Self.body(points: 60_000)
        let broken = text.replacingOccurrences(of: "[\(values[90_000]),", with: "[1e,")
        #expect(broken != text)
        #expect(Self.message(broken) == "points[45000][0] is not a valid number")
        let unclosed = String(text.dropLast(2)) + "}"
        #expect(Self.message(unclosed)?.hasPrefix("expected ',' or ']' after points[59999]") == true)
        #expect(Self.message(text, maxPoints: 50_000) == "more than 50000 points (the server's limit)")
    }

    @Test func cutsOutsideThePointsArrayFallBackToOneThread() throws {
        // After a short array comes a long string full of "],[": the cuts land in it, not on items.
        let filler = String(repeating: "],[", count: 400_000)
        let list = try Self.parse("{\"points\":[[119.5,28.5],[119.6,28.6]],\"crs\":\"" + filler + "\"}")
        #expect(list.values == [119.5, 28.5, 119.6, 28.6])
        #expect(list.crs == filler)
        let padded = "{\"crs\":\"wgs84\",\"points\":[[119.5,28.5],[119.6,28.6]]" + String(repeating: " ", count: 1_200_000) + "}"
        #expect(try Self.parse(padded).values == [119.5, 28.5, 119.6, 28.6])
    }
}
