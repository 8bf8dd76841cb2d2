import GRDB
import GridMapCore
import GridMapGeometry

/// The SQL condition (over `events e`) and named arguments of an ``EventQuery``'s filters and
/// page cursor; the page size stays out, so one filter serves listing and counting.
struct EventFilterSQL {
    let condition: String
    private let values: [String: (any DatabaseValueConvertible)?]

    init(_ query: EventQuery) {
        var conditions = ["e.id > :after"]
        var values: [String: (any DatabaseValueConvertible)?] = ["after": query.after]
        func equal(_ column: String, _ value: String?) {
            guard let value else { return }
            conditions.append("e.\(column) = :\(column)")
            values[column] = value
        }
        equal("status", query.status?.rawValue)
        equal("category_code", query.category)
        equal("platform_code", query.platform)
        equal("grid_code", query.grid)
        equal("village_code", query.village)
        equal("town_code", query.town)
        if let from = query.from { conditions.append("e.reported_at >= :from"); values["from"] = from }
        if let to = query.to { conditions.append("e.reported_at < :to"); values["to"] = to }
        if let now = query.overdueAt {
            conditions.append("e.deadline_at < :now AND e.status NOT IN \(Self.closedOrHeld)")
            values["now"] = now
        }
        if let (light, at) = query.light {
            conditions.append(Self.lightCondition(light))
            values["light_at"] = at
        }
        if let box = query.bbox {
            conditions.append(query.boxIsDense ? Self.coordinateCondition : Self.placeCondition(box))
            values.merge(["minx": box.minX, "miny": box.minY, "maxx": box.maxX, "maxy": box.maxY]) { $1 }
        }
        condition = conditions.joined(separator: " AND ")
        self.values = values
    }

    /// The arguments, with `:limit` when the statement has it.
    func arguments(limit: Int? = nil) -> StatementArguments {
        var values = values
        if let limit { values["limit"] = limit }
        return StatementArguments(values)
    }

    /// Unclosed events showing `light` at `:light_at`, by their open stage's window and overall
    /// deadline, as ``SupervisionLight/of(_:window:overall:at:)`` decides.
    private static func lightCondition(_ light: SupervisionLight) -> String {
        func stage(_ column: String) -> String { "(SELECT s.\(column) FROM event_stages s WHERE s.event_id = e.id AND s.ended_at IS NULL)" }
        let red = "(e.status NOT IN \(held) AND (COALESCE(e.deadline_at <= :light_at, 0) OR COALESCE(\(stage("due_at")) <= :light_at, 0)))"
        let yellow = "COALESCE(\(stage("warn_at")) <= :light_at, 0)"
        let unclosed = "e.status NOT IN ('resolved', 'evaluated')"
        return switch light {
        case .red: "\(unclosed) AND \(red)"
        case .yellow: "\(unclosed) AND e.status NOT IN \(held) AND NOT \(red) AND \(yellow)"
        case .green: "\(unclosed) AND (e.status IN \(held) OR (NOT \(red) AND NOT \(yellow)))"
        }
    }

    /// The held statuses (``EventStatus/isHeld``) as an SQL list: `('parked', 'escalated')`.
    static let held = list(EventStatus.allCases.filter(\.isHeld))
    /// The closed and held statuses as an SQL list: what is never overdue nor supervised.
    static let closedOrHeld = list(EventStatus.allCases.filter { $0.isClosed || $0.isHeld })

    private static func list(_ statuses: [EventStatus]) -> String {
        "(" + statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }

    /// Points inside the box (parameters :minx … :maxy), by their coordinates alone.
    private static let coordinateCondition = "e.lon BETWEEN :minx AND :maxx AND e.lat BETWEEN :miny AND :maxy"

    /// Points inside `box` through the place index: one range of longitudes per latitude band,
    /// or a band range when the box spans too many bands.
    private static func placeCondition(_ box: BoundingBox) -> String {
        let first = EventIndexes.band(box.minY), last = EventIndexes.band(box.maxY)
        let band = EventIndexes.bandSQL("e.lat")
        let bands = last - first < 1_000 ? "\(band) IN (\((first...last).map(String.init).joined(separator: ",")))"
            : "\(band) BETWEEN \(first) AND \(last)"
        return "\(bands) AND \(coordinateCondition)"
    }
}
