extension AdminSnapshot {
    /// Town `code` as an assessment or report names it, or nil when the boundaries have no such town.
    public func assessedTown(_ code: String) -> AssessmentFacts.Unit? {
        boundaries(.town).first { $0.unit.code == code }.map { AssessmentFacts.Unit(code: $0.unit.code, name: $0.unit.name) }
    }
}
