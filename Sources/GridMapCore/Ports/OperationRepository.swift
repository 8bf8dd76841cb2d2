/// Joint enforcement operations (联合执法, ``JointOperation``).
public protocol OperationRepository: Sendable {
    /// Stores a resolved operation in one transaction; ``OperationError/unknownEvent(_:)`` (nothing
    /// stored) when a linked event does not exist. Returns it with its id.
    func recordOperation(_ operation: JointOperation) throws -> JointOperation
    /// One operation, or nil.
    func operation(_ id: Int64) throws -> JointOperation?
    /// The operations matching `query`, newest start first.
    func operations(_ query: OperationQuery) throws -> [JointOperation]
}
