/// The outcome of checking the audit log's hash chain.
public struct AuditChainReport: Sendable, Equatable {
    /// The first row that breaks the chain, and what is wrong with it.
    public struct Break: Sendable, Equatable {
        public var id: Int64
        public var problem: String

        public init(id: Int64, problem: String) {
            self.id = id
            self.problem = problem
        }
    }

    /// Rows checked (up to and including a broken one).
    public var rows: Int
    /// The last row's hash, when the chain is intact: keep it elsewhere to detect a rewritten tail.
    public var head: String?
    public var broken: Break?

    public init(rows: Int, head: String?, broken: Break?) {
        self.rows = rows
        self.head = head
        self.broken = broken
    }
}
