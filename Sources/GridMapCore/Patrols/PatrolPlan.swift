import GridMapGeometry

/// Who patrols which grid when, for simulated samples: each grid's member patrols on some of the
/// days, some grids neglected. Deterministic for a seed.
public struct PatrolPlan: Sendable {
    public struct Patrol: Sendable, Hashable {
        public var member: String
        /// Position of the grid in the simulator's grids.
        public var grid: Int
        /// UTC milliseconds.
        public var start: Int64
        public var hours: Double
        public var seed: UInt64
    }

    /// About one grid in ten is neglected (patrolled on a tenth of the days), one in seven
    /// patrolled on about a third of the days, the rest on nine days in ten; a patrol starts
    /// between 08:00 and 15:00 Beijing time and lasts 1–2 hours.
    public static func days(_ days: Int, from first: PatrolDay, members: [(grid: Int, member: String)], seed: UInt64) -> [Patrol] {
        members.flatMap { grid, member in
            var random = SplitMix64(seed: seed ^ (UInt64(grid) &* 0x9E37_79B9_7F4A_7C15))
            let roll = random.unit()
            let probability = roll < 0.1 ? 0.1 : roll < 0.24 ? 0.35 : 0.9
            return (0..<days).compactMap { d -> Patrol? in
                guard random.unit() < probability else { return nil }
                let day = PatrolDay(number: first.number + Int64(d))
                let start = day.start + Int64((8 + random.unit() * 7) * 3_600_000)
                return Patrol(member: member, grid: grid, start: start, hours: 1 + random.unit(), seed: random.next())
            }
        }
    }
}
