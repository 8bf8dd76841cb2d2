import GridMapCore

extension ServedState {
    /// The town a report or assessment is of: the one named (404 `unknown_town` when the
    /// boundaries have none of that code), or the only one served (400 when there are several).
    func town(_ code: String?) throws -> AssessmentFacts.Unit {
        let towns = boundaries.snapshot.boundaries(.town)
        guard let code else {
            guard towns.count == 1 else { throw APIError.badRequest("missing_parameter", "'town' is required (the server holds \(towns.count) towns)") }
            return AssessmentFacts.Unit(code: towns[0].unit.code, name: towns[0].unit.name)
        }
        guard let town = boundaries.snapshot.assessedTown(code) else { throw APIError(AssessmentError.unknownTown(code)) }
        return town
    }
}
