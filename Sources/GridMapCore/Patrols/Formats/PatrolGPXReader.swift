import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GridMapGeometry

/// Patrol fixes from GPX 1.1 or 1.0: every `trk/trkseg/trkpt`, across all tracks and segments
/// (waypoints and routes are not patrol tracks). Each point needs `lat`, `lon` and a `<time>`;
/// `<ele>` and other children are ignored. An element named `accuracy` or `hacc` anywhere inside
/// a point (in `<extensions>`, any namespace) gives the accuracy in metres; `<hdop>` is a dilution
/// factor, not metres, and is not used. GPX names no member and no coordinate system: both come
/// from the options.
enum PatrolGPXReader {
    static func fixes(_ data: Data, options: PatrolParseOptions) throws(PatrolParseError) -> [PatrolFix] {
        guard let member = options.member else {
            throw PatrolParseError(.missingMember, "GPX names no member: give the member for the file")
        }
        let points = TrackPoints(member: member, crs: options.crs)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = points
        let parsed = parser.parse()
        if let error = points.error { throw error }
        guard parsed else { throw TrackPoints.malformed(parser, parser.parserError) }
        return points.fixes
    }
}

/// The XML parser's delegate: collects the track points and stops at the first bad one.
private final class TrackPoints: NSObject, XMLParserDelegate {
    private(set) var fixes: [PatrolFix] = []
    private(set) var error: PatrolParseError?
    private let member: String
    private let crs: CoordinateSystem
    /// Local names of the open elements.
    private var path: [String] = []
    private var pointCount = 0
    private var point: Point?
    /// The text of the point's time or accuracy element being read.
    private var text: String?
    private var textIsTime = false

    private struct Point {
        var place: String
        var position: Coordinate
        var time: String?
        var accuracy: String?
    }

    init(member: String, crs: CoordinateSystem) {
        self.member = member
        self.crs = crs
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        defer { path.append(elementName) }
        if path.isEmpty && elementName != "gpx" {
            let problem = "line \(parser.lineNumber): the root element is <\(elementName)>, not <gpx>"
            return fail(parser, PatrolParseError(.malformedGPX, problem))
        }
        if elementName == "trkpt" && path == ["gpx", "trk", "trkseg"] {
            let place = "trkpt \(pointCount) (line \(parser.lineNumber))"
            pointCount += 1
            do throws(PatrolParseError) {
                let lon = try degrees("lon", attributes, at: place), lat = try degrees("lat", attributes, at: place)
                point = Point(place: place, position: try PatrolFields.coordinate(lon, lat, at: place))
            } catch {
                fail(parser, error)
            }
        } else if let point {
            textIsTime = path.count == 4 && elementName == "time"
            if textIsTime || (["accuracy", "hacc"].contains(elementName) && point.accuracy == nil) { text = "" }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        path.removeLast()
        if let text {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if textIsTime { point?.time = value } else { point?.accuracy = value }
            self.text = nil
        } else if let point, path.count == 3 {
            do throws(PatrolParseError) {
                fixes.append(try fix(point))
            } catch {
                fail(parser, error)
            }
            self.point = nil
        }
    }

    private func fix(_ point: Point) throws(PatrolParseError) -> PatrolFix {
        guard let time = point.time, !time.isEmpty else {
            throw PatrolParseError(.missingTime, "\(point.place): no <time>")
        }
        guard let ms = PatrolFields.milliseconds(time) else { throw PatrolFields.invalidTime(time, at: point.place) }
        let accuracy = try point.accuracy.map { text throws(PatrolParseError) in
            guard let metres = PatrolFields.double(text) else {
                throw PatrolParseError(.invalidAccuracy, "\(point.place): accuracy '\(text)' is not a number")
            }
            return try PatrolFields.accuracy(metres, at: point.place)
        }
        return PatrolFix(member: member, milliseconds: ms, position: point.position, crs: crs, accuracy: accuracy)
    }

    private func degrees(_ name: String, _ attributes: [String: String], at place: String) throws(PatrolParseError) -> Double {
        guard let text = attributes[name] else { throw PatrolParseError(.invalidCoordinate, "\(place): no \(name) attribute") }
        guard let value = PatrolFields.double(text.trimmingCharacters(in: .whitespaces)) else {
            throw PatrolParseError(.invalidCoordinate, "\(place): \(name) '\(text)' is not a number")
        }
        return value
    }

    /// Foundation's XMLParser on Linux recovers from errors and may still return true: every
    /// error it reports fails the file.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        fail(parser, Self.malformed(parser, parseError))
    }

    /// The error naming the parser's line; the codes are libxml2's, as NSXMLParserError has them
    /// (swift-corelibs' `XMLParser.ErrorCode` cases are numbered one off, so they are not used).
    static func malformed(_ parser: XMLParser, _ error: (any Error)?) -> PatrolParseError {
        let code = (error as NSError?)?.code ?? 0
        let reason = switch code {
        case 4: "the file is empty or not XML"
        case 5: "the document is cut short, or has text after its root element"
        case 76: "a closing tag does not match the open element"
        default: "not well-formed XML (XML parser error \(code))"
        }
        return PatrolParseError(.malformedGPX, "line \(parser.lineNumber): \(reason)")
    }

    private func fail(_ parser: XMLParser, _ error: PatrolParseError) {
        self.error = self.error ?? error
        parser.abortParsing()
    }
}
