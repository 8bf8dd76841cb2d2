import GridMapCore

extension JSONWriter {
    /// What a patrol upload stored: its batch, the file's format and encoding (nil for GPX,
    /// whose XML declares its own), the fixes, members and Beijing days it touched, the coverage
    /// radius, and the cleaning settings with what they did.
    public mutating func patrolUpload(_ ingest: PatrolIngest, format: String, encoding: String?,
                                      radius: Double, cleaning: TrackCleaning) {
        raw("{\"batch\":"); number(Int(ingest.batch))
        raw(",\"format\":"); string(format)
        raw(",\"encoding\":"); optionalString(encoding)
        raw(",\"fixes\":"); number(ingest.fixes)
        raw(",\"members\":"); number(ingest.members)
        key("days"); array(ingest.days.map(\.description))
        raw(",\"radius_m\":"); number(radius)
        raw(",\"cleaning\":"); self.cleaning(cleaning, report: ingest.report)
        raw("}")
    }

    /// The cleaning settings and what they did.
    public mutating func cleaning(_ cleaning: TrackCleaning, report: CleaningReport) {
        raw("{\"settings\":{\"max_accuracy_m\":"); number(cleaning.maxAccuracy)
        raw(",\"max_speed_kmh\":"); number(Self.rounded(cleaning.maxSpeed * 3.6, 3))
        raw(",\"max_gap_min\":"); number(Double(cleaning.maxGap) / 60_000)
        raw(",\"dwell_radius_m\":"); number(cleaning.dwellRadius)
        raw(",\"min_dwell_min\":"); number(Double(cleaning.minDwell) / 60_000)
        raw("},\"received\":"); number(report.received)
        raw(",\"kept\":"); number(report.kept)
        raw(",\"dropped_accuracy\":"); number(report.droppedAccuracy)
        raw(",\"dropped_duplicate\":"); number(report.droppedDuplicate)
        raw(",\"dropped_speed\":"); number(report.droppedSpeed)
        raw(",\"speed_splits\":"); number(report.speedSplits)
        raw(",\"gap_splits\":"); number(report.gapSplits)
        raw(",\"segments\":"); number(report.segments)
        raw(",\"stops\":"); number(report.stops)
        raw("}")
    }
}
