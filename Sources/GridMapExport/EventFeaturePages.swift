import GridMapCore

/// The events layer, read from the store a page at a time in id order (constant memory for any
/// number of events), as `viewer` may see them. Events reported after the export began are left
/// out; a nil query (a scope that reaches none of what was asked) has no pages.
struct EventFeaturePages: ExportFeatureSource {
    let schema = ExportLayer.events.schema
    private let store: any EventRepository
    private var query: EventQuery?
    private let viewer: Viewer
    private var lastID: Int64?

    init(store: any EventRepository, query: EventQuery?, viewer: Viewer, pageSize: Int = 10_000) {
        self.store = store
        self.query = query
        self.query?.limit = pageSize
        self.viewer = viewer
    }

    mutating func nextPage() throws -> [ExportFeature]? {
        guard var query else { return nil }
        defer { self.query = query }
        let lastID = try self.lastID ?? store.lastEventID()
        self.lastID = lastID
        guard query.after < lastID else { return nil }
        let page = try store.eventSummaries(query).filter { $0.id <= lastID }
        guard let last = page.last else { return nil }
        query.after = last.id
        return page.map { ExportLayer.eventFeature($0, for: viewer) }
    }

    /// An event's feature: id = the event's number; `descr` empty when `masked`.
    static func feature(_ event: EventSummary, masked: Bool) -> ExportFeature {
        let values: [ExportValue] = [
            .integer(event.id), .text(event.category), .optional(event.categoryName), .text(event.platform),
            .optional(event.platformName), .text(event.status), .integer(Int64(event.supervisionLevel)), .text(event.source),
            .text(event.reportedAt.iso), .optional(event.deadlineAt?.iso), .optional(event.closedAt?.iso), .optional(event.gridCode),
            .optional(event.villageCode), .optional(event.townCode), .text(masked ? "" : event.description),
        ]
        return ExportFeature(id: .integer(event.id), geometry: .point(event.point), values: values)
    }
}
