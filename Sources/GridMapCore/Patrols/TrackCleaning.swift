import GridMapGeometry

/// How raw fixes become patrol segments. Defaults suit a patrol on foot.
public struct TrackCleaning: Sendable, Hashable {
    /// Fixes whose reported accuracy is worse than this (metres) are dropped; fixes without an
    /// accuracy are kept.
    public var maxAccuracy = 50.0
    /// Fastest plausible speed, metres per second (30 km/h).
    public var maxSpeed = 30 / 3.6
    /// A gap between fixes longer than this (milliseconds) splits the track.
    public var maxGap: Int64 = 10 * 60_000
    /// A stop: the member stays within this many metres of the stop's first fix …
    public var dwellRadius = 25.0
    /// … for at least this long (milliseconds).
    public var minDwell: Int64 = 5 * 60_000

    public init() {}

    /// Cleans one member's fixes of one day (any order; fixes of other members or days are the
    /// caller's mistake and are not checked).
    ///
    /// In order: fixes with bad accuracy go, then fixes at a time already seen (the first one
    /// stays). A fix too fast to reach from the last kept fix is a *spike* when the next fix is
    /// reachable from the last kept one directly — it is dropped — and otherwise a *jump* (the member rode): the track splits there, so the ride is not
    /// counted as patrolled. A gap longer than `maxGap` also splits the track.
    public func clean(member: String, day: PatrolDay, fixes: [PatrolFix]) -> CleanedPatrol {
        var report = CleaningReport()
        report.received = fixes.count
        var candidates: [TrackPoint] = []
        candidates.reserveCapacity(fixes.count)
        for fix in fixes.sorted(by: { $0.milliseconds < $1.milliseconds }) {
            if let accuracy = fix.accuracy, accuracy > maxAccuracy { report.droppedAccuracy += 1; continue }
            if candidates.last?.milliseconds == fix.milliseconds { report.droppedDuplicate += 1; continue }
            candidates.append(TrackPoint(milliseconds: fix.milliseconds, coordinate: fix.wgs84))
        }
        var segments: [[TrackPoint]] = []
        var current: [TrackPoint] = []
        for (i, point) in candidates.enumerated() {
            guard let last = current.last else { current.append(point); continue }
            if point.milliseconds - last.milliseconds > maxGap {
                report.gapSplits += 1
            } else if !isReachable(point, from: last) {
                let next = i + 1 < candidates.count ? candidates[i + 1] : nil
                if let next, next.milliseconds - last.milliseconds <= maxGap, isReachable(next, from: last) {
                    report.droppedSpeed += 1
                    continue
                }
                report.speedSplits += 1
            } else {
                current.append(point)
                continue
            }
            segments.append(current)
            current = [point]
        }
        if !current.isEmpty { segments.append(current) }
        let patrolSegments = segments.map { PatrolSegment(member: member, points: $0) }
        let stops = patrolSegments.flatMap { self.stops(in: $0) }
        report.kept = segments.reduce(0) { $0 + $1.count }
        report.segments = segments.count
        report.stops = stops.count
        return CleanedPatrol(member: member, day: day, segments: patrolSegments, stops: stops, report: report)
    }

    private func isReachable(_ point: TrackPoint, from origin: TrackPoint) -> Bool {
        let seconds = Double(point.milliseconds - origin.milliseconds) / 1000
        return distance(origin.coordinate, point.coordinate) <= maxSpeed * seconds
    }

    private func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        LocalMetric(latitude: (a.y + b.y) / 2).distance(a, b)
    }

    /// Maximal runs of fixes within `dwellRadius` of the run's first fix lasting `minDwell` or more.
    func stops(in segment: PatrolSegment) -> [PatrolStop] {
        let points = segment.points
        var stops: [PatrolStop] = []
        var i = 0
        while i < points.count {
            var j = i
            while j + 1 < points.count, distance(points[i].coordinate, points[j + 1].coordinate) <= dwellRadius { j += 1 }
            if points[j].milliseconds - points[i].milliseconds >= minDwell {
                let run = points[i...j]
                let n = Double(run.count)
                let centre = Coordinate(run.reduce(0) { $0 + $1.coordinate.x } / n, run.reduce(0) { $0 + $1.coordinate.y } / n)
                stops.append(PatrolStop(member: segment.member, start: points[i].milliseconds,
                                        end: points[j].milliseconds, centre: centre))
                i = j + 1
            } else {
                i += 1
            }
        }
        return stops
    }
}
