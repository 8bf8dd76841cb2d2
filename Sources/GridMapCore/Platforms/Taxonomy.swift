import Foundation

/// A town's platform model (基层治理四平台), read from a dataset's `platforms.json`: the platforms,
/// the event categories and the routing rules from category to platform. Platforms are data, not
/// an enum: the 2022 model (党建统领 / 经济生态 / 平安法治 / 公共服务) and the 2016 model
/// (综治工作 / 综合执法 / 市场监管 / 便民服务) are two files of the same shape, and a town moves
/// between them by importing another file (`gridmap taxonomy migrate`).
public struct Taxonomy: Codable, Sendable, Equatable {
    /// The model's short name, e.g. "2022".
    public var model: String
    public var name: String
    public var platforms: [Platform]
    public var categories: [EventCategory]
    /// Routing rules; see ``TaxonomyRouter`` for which rule wins.
    public var routes: [Route]
    /// The 督办 rules; nil: ``SupervisionPolicy/defaults``.
    public var supervision: SupervisionPolicy?

    public init(model: String, name: String, platforms: [Platform], categories: [EventCategory], routes: [Route],
                supervision: SupervisionPolicy? = nil) {
        self.model = model
        self.name = name
        self.platforms = platforms
        self.categories = categories
        self.routes = routes
        self.supervision = supervision
    }
}

/// One of the four platforms: its lead (牵头领导) and member offices (成员单位).
public struct Platform: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var lead: String
    public var offices: [String]

    public init(code: String, name: String, lead: String, offices: [String]) {
        self.code = code
        self.name = name
        self.lead = lead
        self.offices = offices
    }
}

/// An event category, possibly under a parent; `deadline_hours` (handling deadline) is inherited
/// from the parent when absent.
public struct EventCategory: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var parent: String?
    public var deadlineHours: Int?

    public init(code: String, name: String, parent: String? = nil, deadlineHours: Int? = nil) {
        self.code = code
        self.name = name
        self.parent = parent
        self.deadlineHours = deadlineHours
    }

    enum CodingKeys: String, CodingKey {
        case code, name, parent
        case deadlineHours = "deadline_hours"
    }
}

/// Category → platform (and the office that handles it, and assisting platforms for 联勤联动).
/// With `villages` or `grids` it is a spatial override that applies only there.
public struct Route: Codable, Sendable, Equatable {
    public var category: String
    public var platform: String
    public var office: String?
    public var assisting: [String]?
    public var villages: [String]?
    public var grids: [String]?
    /// Why the rule exists (shown to dispatchers).
    public var note: String?

    public init(category: String, platform: String, office: String? = nil, assisting: [String]? = nil,
                villages: [String]? = nil, grids: [String]? = nil, note: String? = nil) {
        self.category = category
        self.platform = platform
        self.office = office
        self.assisting = assisting
        self.villages = villages
        self.grids = grids
        self.note = note
    }
}

extension Taxonomy {
    /// Reads and checks a `platforms.json`; every problem is named with the rule or code at fault.
    public static func read(_ data: Data, file: String = "platforms.json") throws -> Taxonomy {
        let taxonomy: Taxonomy
        do {
            taxonomy = try JSONDecoder().decode(Taxonomy.self, from: data)
        } catch let error as DecodingError {
            throw DatasetError(["\(file): \(error.readableDescription)"])
        }
        let problems = taxonomy.problems()
        if !problems.isEmpty { throw DatasetError(problems.map { "\(file): \($0)" }) }
        return taxonomy
    }
}

extension DecodingError {
    /// "categories[3].name: missing" rather than Foundation's debug dump.
    var readableDescription: String {
        func path(_ context: Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch self {
        case .keyNotFound(let key, let context):
            return "\([path(context), key.stringValue].filter { !$0.isEmpty }.joined(separator: ".")): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "\(path(context).isEmpty ? "not valid JSON" : path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(self)"
        }
    }
}
