/// Why an event could not be routed.
public enum RoutingError: CodedError, Sendable, Equatable {
    /// The point is in no town.
    case outsideTowns
    /// The town has no platform model (no `platforms.json` imported).
    case noPlatformModel(town: String)
    /// The category is not in the town's model.
    case unknownCategory(String, town: String, model: String)

    public var errorCode: String {
        switch self {
        case .outsideTowns: "outside_towns"
        case .noPlatformModel: "no_platform_model"
        case .unknownCategory: "unknown_category"
        }
    }

    public var failureKind: FailureKind {
        switch self {
        case .outsideTowns, .noPlatformModel: .unprocessable
        case .unknownCategory: .invalidInput
        }
    }

    public var description: String {
        switch self {
        case .outsideTowns: "the point is in no town, so no platform model applies"
        case .noPlatformModel(let town): "town \(town) has no platform model (import a platforms.json)"
        case .unknownCategory(let code, let town, let model):
            "unknown category '\(code)' in the \(model) platform model of town \(town) (see GET /v1/categories?town=\(town))"
        }
    }
}

/// An event's category and where it goes.
public struct RoutedCategory: Sendable, Equatable {
    public var category: EventCategory
    /// The handling deadline, inherited from parent categories.
    public var deadlineHours: Int?
    public var routing: Routing
    /// The platform model that decided.
    public var model: String
}

extension Resolver {
    /// Routes an event of `category` at a resolved point by the platform model of its town.
    public func route(_ resolution: Resolution, category: String) throws(RoutingError) -> RoutedCategory {
        guard let town = resolution.town else { throw .outsideTowns }
        guard let router = routers[town.code] else { throw .noPlatformModel(town: town.code) }
        guard let routed = router.routed(category: category, grid: resolution.grid?.code, village: resolution.village?.code)
        else { throw .unknownCategory(category, town: town.code, model: router.taxonomy.model) }
        return routed
    }
}

extension TaxonomyRouter {
    /// The category, its deadline and where it goes; nil for a category the model lacks.
    public func routed(category code: String, grid: String?, village: String?) -> RoutedCategory? {
        guard let found = category(code), let routing = route(category: code, grid: grid, village: village) else { return nil }
        return RoutedCategory(category: found, deadlineHours: deadlineHours(of: code), routing: routing, model: taxonomy.model)
    }
}
