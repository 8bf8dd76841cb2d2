/// What an edit does beyond boundaries: open events that change grid, people and patrol
/// requirements of retired grids, and new grids nobody patrols yet.
public struct EditConsequences: Sendable {
    /// An open event whose grid (or village) changes.
    public struct EventMove: Sendable, Equatable {
        public var id: Int64
        public var status: String
        public var fromGrid: String?, toGrid: String?
        public var fromVillage: String?, toVillage: String?

        public init(id: Int64, status: String, fromGrid: String?, toGrid: String?, fromVillage: String?, toVillage: String?) {
            self.id = id
            self.status = status
            self.fromGrid = fromGrid
            self.toGrid = toGrid
            self.fromVillage = fromVillage
            self.toVillage = toVillage
        }
    }

    /// A person attached to a retired grid, who goes to the merged grid.
    public struct PersonMove: Sendable, Equatable {
        public var id: Int64
        public var role: String, name: String
        public var fromGrid: String, toGrid: String

        public init(id: Int64, role: String, name: String, fromGrid: String, toGrid: String) {
            self.id = id
            self.role = role
            self.name = name
            self.fromGrid = fromGrid
            self.toGrid = toGrid
        }
    }

    /// A patrol frequency set for a retired grid; the merged grid keeps its own.
    public struct RequirementDropped: Sendable, Equatable {
        public var unitCode: String, frequency: String

        public init(unitCode: String, frequency: String) {
            self.unitCode = unitCode
            self.frequency = frequency
        }
    }

    public var events: [EventMove] = []
    public var people: [PersonMove] = []
    public var patrolRequirements: [RequirementDropped] = []
    /// Grids the edit creates that have no 网格员 yet.
    public var unstaffedGrids: [String] = []
    /// Open events in changed grids that stay where they are (their boundary version is updated).
    public var eventsStaying: [Int64] = []

    public init() {}
}
