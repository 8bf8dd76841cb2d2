import Foundation
import GridMapGeometry

/// A historical event from an import file: the report, and how far its loop had got.
public struct HistoricalEvent: Sendable {
    public var report: EventReport
    /// The status it had reached (default `received`).
    public var status: EventStatus
    /// When it was resolved, for closed events.
    public var closedAt: Instant?
    /// Where it came from in the file, for messages ("line 12", "feature 3").
    public var position: String

    public init(report: EventReport, status: EventStatus, closedAt: Instant?, position: String) {
        self.report = report
        self.status = status
        self.closedAt = closedAt
        self.position = position
    }
}

/// The events of a file, and how its text was read.
public struct EventFileContents: Sendable {
    public var events: [HistoricalEvent]
    /// The encoding its bytes were decoded from (see ``TextDecoding``).
    public var encoding: TextEncoding
    /// The offset at which times without a zone were read.
    public var zone: UTCOffset
}

/// Reads event import files: CSV with a header
/// `category,description,lon,lat,crs,reported_at,source,reporter[,status,closed_at,external_id]`, or a GeoJSON
/// FeatureCollection of Points with those properties (`crs` applies to the coordinates). Every bad
/// row is reported with its line (or feature) number. Times without a zone (`2025/1/1 8:19`) and
/// plain dates are read at `zone`, Beijing time unless told otherwise.
public enum EventFile {
    public static let columns = ["category", "description", "lon", "lat", "crs", "reported_at", "source", "reporter"]

    /// Reads a `.csv` (else GeoJSON) file, its bytes decoded by ``TextDecoding`` (UTF-8, else
    /// GB18030, or `encoding`); bytes that decode in neither are an error naming the line.
    public static func read(_ url: URL, encoding: TextEncoding? = nil, zone: UTCOffset = .beijing) throws -> EventFileContents {
        let decoded: DecodedText
        do {
            decoded = try TextDecoding.decode(try Data(contentsOf: url), name: url.lastPathComponent, forcing: encoding)
        } catch let error as TextDecodingError {
            throw DatasetError([error.detail])
        }
        let events = url.pathExtension.lowercased() == "csv"
            ? try csv(decoded.text, zone: zone) : try geoJSON(Data(decoded.text.utf8), zone: zone)
        return EventFileContents(events: events, encoding: decoded.encoding, zone: zone)
    }

    public static func csv(_ text: String, zone: UTCOffset = .beijing) throws -> [HistoricalEvent] {
        let rows = CSV.rows(text)
        guard let header = rows.first else { throw DatasetError(["events file: empty"]) }
        let missing = columns.filter { !header.contains($0) }
        guard missing.isEmpty else { throw DatasetError(["events file: header lacks " + missing.joined(separator: ", ")]) }
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        var events: [HistoricalEvent] = []
        events.reserveCapacity(rows.count)
        for (offset, row) in rows.enumerated().dropFirst() where !(row.count == 1 && row[0].isEmpty) {
            let field = { (name: String) -> String? in index[name].flatMap { $0 < row.count ? row[$0] : nil } }
            do {
                events.append(try event(field, position: "line \(offset + 1)", zone: zone))
            } catch let error as DatasetError {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw DatasetError(problems) }
        return events
    }

    public static func geoJSON(_ data: Data, zone: UTCOffset = .beijing) throws -> [HistoricalEvent] {
        guard let features = (try? JSONValue.parse(data))?["features"]?.array else {
            throw DatasetError(["events file: not a GeoJSON FeatureCollection"])
        }
        var problems: [String] = []
        var events: [HistoricalEvent] = []
        for (i, feature) in features.enumerated() {
            let coordinates = feature["geometry"]?["coordinates"]?.array?.compactMap(\.number) ?? []
            let properties = feature["properties"]?.object ?? [:]
            let field = { (name: String) -> String? in
                switch name {
                case "lon": coordinates.count == 2 ? "\(coordinates[0])" : nil
                case "lat": coordinates.count == 2 ? "\(coordinates[1])" : nil
                case "external_id": properties[name].flatMap { $0.string ?? $0.number.map(GeoJSON.json) }
                default: properties[name]?.string
                }
            }
            do {
                guard feature["geometry"]?["type"]?.string == "Point" else {
                    throw DatasetError(["feature \(i): geometry must be a Point"])
                }
                events.append(try event(field, position: "feature \(i)", zone: zone))
            } catch let error as DatasetError {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw DatasetError(problems) }
        return events
    }

    private static func event(_ field: (String) -> String?, position: String, zone: UTCOffset) throws -> HistoricalEvent {
        func fail(_ message: String) -> DatasetError { DatasetError(["\(position): \(message)"]) }
        func required(_ name: String) throws -> String {
            guard let value = field(name), !value.isEmpty else { throw fail("'\(name)' is empty") }
            return value
        }
        guard let lon = Double(try required("lon")), let lat = Double(try required("lat")) else {
            throw fail("lon and lat must be numbers")
        }
        let coordinate = Coordinate(lon, lat)
        if let problem = CoordinateProblem(coordinate) { throw fail(problem.description) }
        let crsText = field("crs").flatMap { $0.isEmpty ? nil : $0 } ?? "wgs84"
        guard let crs = CoordinateSystem(rawValue: crsText.lowercased()) else { throw fail("unknown crs '\(crsText)'") }
        guard let reportedAt = Instant(parsing: try required("reported_at"), zone: zone) else {
            throw fail("reported_at '\(field("reported_at") ?? "")' is not an ISO 8601 time")
        }
        guard let source = EventSource(rawValue: try required("source")) else {
            throw fail("unknown source '\(field("source") ?? "")' (one of: "
                + EventSource.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        let statusText = field("status").flatMap { $0.isEmpty ? nil : $0 } ?? "received"
        guard let status = EventStatus(rawValue: statusText) else { throw fail("unknown status '\(statusText)'") }
        let closedAt = try field("closed_at").flatMap { $0.isEmpty ? nil : $0 }.map { text in
            guard let t = Instant(parsing: text, zone: zone), t >= reportedAt else {
                throw fail("closed_at '\(text)' is not an ISO 8601 time at or after reported_at")
            }
            return t
        }
        if status.isClosed != (closedAt != nil) { throw fail("closed_at is required exactly for resolved and evaluated events") }
        let externalID = field("external_id").flatMap { $0.isEmpty ? nil : $0 }
        if let externalID, let problem = TextIdentifier.problem(externalID) {
            throw fail("external_id \(TextIdentifier.quoted(externalID)) is not a valid id: \(problem)")
        }
        return HistoricalEvent(
            report: EventReport(category: try required("category"), description: field("description") ?? "",
                                coordinate: coordinate, crs: crs, reportedAt: reportedAt, source: source,
                                reporter: try required("reporter"), externalID: externalID),
            status: status, closedAt: closedAt, position: position)
    }
}
