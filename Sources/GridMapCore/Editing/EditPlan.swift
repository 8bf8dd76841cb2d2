/// What an edit would do: the layout before and after, the units that change, and why it is
/// refused if it is (an edit with problems is never committed).
public struct EditPlan: Sendable {
    public var edit: BoundaryEdit
    public var before: TownLayout
    public var after: TownLayout
    public var changes: [UnitChange]
    public var problems: [EditProblem]

    public var isValid: Bool { problems.isEmpty }
    /// True when every unit keeps its boundary, name and parent: committing the edit stores nothing.
    public var changesNothing: Bool { changes.isEmpty }
}
