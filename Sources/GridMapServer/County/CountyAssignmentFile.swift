import Foundation
import GridMapCore
import GridMapGeometry

/// A batch of county assignments (上级交办) for `gridmap county import`: a JSON array of
/// `POST /v1/events` bodies (`origin` may be left out: it is `county`), each checked and
/// located as that route does (``EventReportParser``, ``ReportLocating``).
public enum CountyAssignmentFile {
    /// The located assignments of `data`, in file order; every item that cannot be read or
    /// located is reported (1-based) and then none is returned.
    public static func read(_ data: Data, history: HistoricalResolvers, now: Instant) throws(DatasetError) -> [LocatedEvent] {
        guard let value = try? JSONValue.parse(data), let items = value.array else {
            throw DatasetError(["the file must be a JSON array of assignments (POST /v1/events bodies)"])
        }
        var located: [LocatedEvent] = [], problems: [String] = []
        for (position, item) in items.enumerated() {
            guard case .object(var fields) = item else {
                problems.append("item \(position + 1): must be a JSON object")
                continue
            }
            if fields["origin"] == nil { fields["origin"] = .string(EventOrigin.county.rawValue) }
            do {
                let report = try EventReportParser.parse(JSONBody(fields: fields), now: now)
                guard report.origin == .county else { throw APIError.badRequest("invalid_field", "'origin' must be county in a county file") }
                located.append(try ReportLocating.locate(report, history: history))
            } catch let error as APIError {
                problems.append("item \(position + 1): \(error.detail)")
            } catch let error as any CodedError {
                problems.append("item \(position + 1): \(error.description)")
            } catch {
                problems.append("item \(position + 1): \(error)")
            }
        }
        guard problems.isEmpty else { throw DatasetError(problems) }
        return located
    }
}
