import GridMapGeometry

/// Checks of uploaded fixes against the data: latitude and longitude given the wrong way round.
public enum PatrolFixCheck {
    /// The first fix that lies far from every grid as given but near them once latitude and
    /// longitude are swapped. (GCJ-02 and BD-09 offsets, under 1 km, are far inside the 0.5°
    /// margin of ``Resolver/isNearData(_:marginDegrees:)``, so positions are compared as reported.)
    public static func swapped(_ fixes: [PatrolFix], resolver: Resolver) -> PatrolFix? {
        fixes.first { fix in
            !resolver.isNearData(fix.position) && resolver.isNearData(Coordinate(fix.position.y, fix.position.x))
        }
    }
}
