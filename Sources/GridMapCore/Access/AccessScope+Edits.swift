extension AccessScope {
    /// Refuses (``ScopeError``) a plan changing a unit that lies, before or after the edit, outside
    /// this scope: a town's planner edits only that town, a village's planner only that village's
    /// grids (a village's own border is shared with its neighbours, so redrawing it is the town's).
    public func check(_ plan: EditPlan) throws(ScopeError) {
        guard self != .everywhere else { return }
        for change in plan.changes {
            for (boundary, layout) in [(change.before, plan.before), (change.after, plan.after)] {
                guard let boundary, !covers(boundary.unit, in: layout) else { continue }
                throw ScopeError(scope: self, what: "\(change.level.rawValue) \(change.code)")
            }
        }
    }

    private func covers(_ unit: AdminUnit, in layout: TownLayout) -> Bool {
        switch unit.level {
        case .town: covers(town: unit.code, village: nil)
        case .village: covers(town: layout.town.unit.code, village: unit.code)
        case .grid: covers(town: layout.town.unit.code, village: unit.parentCode)
        }
    }
}
