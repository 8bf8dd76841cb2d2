import Foundation
import GridMapCore
import GridMapGeometry
@testable import GridMapJSON
import GridMapJSON
import Testing

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
        do { _ = try parse(text, maxPoints: maxPoints); return nil } catch let failure as PointListParser.Failure {
            return failure.message
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
        if points > 1_000 && Parallel.cores > 1 {  // the large body really takes the parallel path
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

    static func parseFeatureCollection(_ text: String, maxPoints: Int = 1_000_000) throws -> PointList {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBytes {
            try PointListParser.parseFeatureCollection(UnsafeRawBufferPointer($0), maxPoints: maxPoints)
        }
    }

    /// FeatureCollections as GIS tools write them (members in any order, properties with nested
    /// values, escapes and brackets in strings, altitudes, bbox): the same numbers JSONDecoder
    /// reads, each with its spelling.
    @Test func readsFeatureCollectionsLikeJSONDecoder() throws {
        var random = SplitMix64(seed: 5)
        let features = (0..<2_000).map { i -> String in
            let x = 119 + random.unit(), y = 28 + random.unit()
            let properties = "{\"name\":\"网格 \\\"\(i)\\\" [x]{y}\",\"tags\":[1,{\"a\":[true,null,-1.5e3]}],\"n\":\(i)}"
            switch i % 3 {
            case 0: return "{\"type\":\"Feature\",\"properties\":\(properties),\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(x),\(y)]}}"
            case 1: return "{ \"geometry\" : { \"coordinates\" : [ \(x) , \(y) , 12.5 ], \"type\" : \"Point\" }, \"id\": \"f\(i)\", \"type\": \"Feature\", \"properties\": null }"
            default: return "{\"id\":\(i),\"bbox\":[\(x),\(y),\(x),\(y)],\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(x),\(y)]},\"properties\":\(properties),\"type\":\"Feature\"}"
            }
        }
        let text = "{\"features\":[\n" + features.joined(separator: ",\n") + "],\"type\":\"FeatureCollection\",\"name\":\"events\"}"
        let list = try Self.parseFeatureCollection(text)
        let decoded = try #require(try JSONValue.parse(Data(text.utf8))["features"]?.array)
        let expected = decoded.flatMap { feature -> [Double] in
            let position = feature["geometry"]?["coordinates"]?.array ?? []
            return [position[0].number ?? .nan, position[1].number ?? .nan]
        }
        #expect(list.values == expected)
        let bytes = Array(text.utf8)
        for n in [0, 1, 2001, 3999] {
            let spelled = String(decoding: bytes[Int(list.tokens[2 * n])..<Int(list.tokens[2 * n + 1])], as: UTF8.self)
            #expect(Double(spelled) == list.values[n])
        }
    }

    @Test func namesWhatIsWrongInAFeatureCollection() {
        let point = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[119.7,28.2]}}"
        let cases: [(String, String)] = [
            ("{\"type\":\"FeatureCollection\",\"features\":[\(point),{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1,2],[3,4]]}}]}",
             "features[1] is a LineString, not a Point"),
            ("{\"type\":\"FeatureCollection\",\"features\":[\(point),{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[119.7,-1e999]}}]}",
             "features[1].geometry.coordinates[1] must be a finite number"),
            ("{\"type\":\"FeatureCollection\",\"features\":[\(point),{\"type\":\"Feature\",\"properties\":{\"a\":[1}},\"geometry\":null}]}",
             "mismatched '}'"),
            ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"a\":\"x}]}",
             "unterminated string"),
            ("{\"type\":\"Topology\",\"features\":[]}", "a GeoJSON body must be a FeatureCollection"),
            ("{\"type\":\"FeatureCollection\",\"features\":[\(point)]} x", "unexpected text after the JSON object"),
        ]
        for (text, message) in cases {
            var failure: String?
            do { _ = try Self.parseFeatureCollection(text) } catch PointListParser.Failure.syntax(let m) { failure = m } catch { failure = "\(error)" }
            #expect(failure?.contains(message) == true, "\(failure ?? "accepted") for \(text.suffix(80))")
        }
        let deep = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":" + String(repeating: "[", count: 200_000)
        #expect(throws: PointListParser.Failure.self) { try Self.parseFeatureCollection(deep) }
        // Properties nested past the 64 levels kept as bits: skipped when they match, named when not.
        let nesting = (0..<100).map { $0 % 2 == 0 ? "{\"k\":" : "[" }
        let closing = nesting.reversed().map { $0 == "[" ? "]" : "}" }
        func collection(_ properties: String) -> String {
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":\(properties),"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[119.7,28.2]}}]}"
        }
        #expect((try? Self.parseFeatureCollection(collection(nesting.joined() + "1" + closing.joined())))?.count == 1)
        var crossed = closing
        crossed.swapAt(10, 11)  // a '}' where a ']' closes (levels 89 and 88)
        var failure: String?
        do { _ = try Self.parseFeatureCollection(collection(nesting.joined() + "1" + crossed.joined())) } catch PointListParser.Failure.syntax(let m) { failure = m } catch {}
        #expect(failure?.contains("mismatched") == true, "\(failure ?? "accepted")")
    }
}

/// The bulk writer's distance spelling against Double's own.
@Suite struct JSONWriterTests {
    @Test func tenthsAreSpelledAsTheRoundedDouble() {
        var random = SplitMix64(seed: 8)
        let values = [0, 0.04, 0.05, 0.95, 9.95, 12, 1e7 + 0.06] + (0..<20_000).map { _ in pow(10, random.unit() * 7) }
        for value in values {
            var json = JSONWriter()
            json.tenths(value)
            #expect(String(buffer: json.buffer) == ((value * 10).rounded() / 10).description, "\(value)")
        }
    }
}
