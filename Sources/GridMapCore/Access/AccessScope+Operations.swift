extension AccessScope {
    /// True when the joint operation lies inside: in the scope's town, or with every grid in its
    /// village (a grid's code extends its village's). One spanning several towns is the unscoped's.
    public func covers(_ operation: JointOperation) -> Bool {
        switch self {
        case .everywhere: true
        case .town(let code): operation.town == code
        case .village(let code): operation.grids.allSatisfy { $0.hasPrefix(code) }
        }
    }
}
