import GridMapCore
import GridMapGeometry

/// What the server answers about events at one events revision: the facts table (brought up to
/// date from the previous view's, so only changed events are read), and counts and the extent
/// computed on first use. Replaced whole when the revision moves.
final class EventView: Sendable {
    let revision: Int64
    private let store: any EventRepository
    /// The previous view's facts (or an empty table): the start of this one's refresh.
    private let seed: EventFactsTable
    private let factsTable = Memo<EventFactsTable>()
    private let counts = MemoTable<CountKey, Int>(capacity: 1_000)
    /// What a count depends on: the query's box, reported range and scope.
    private struct CountKey: Hashable {
        var bbox: BoundingBox?
        var from: Instant?
        var to: Instant?
        var town: String?
        var village: String?
    }
    private let extentMemo = Memo<EventExtent?>()

    init(store: any EventRepository, revision: Int64, after previous: EventView? = nil) {
        self.store = store
        self.revision = revision
        seed = previous?.latestFacts ?? EventFactsTable()
    }

    /// The events' facts as of this revision (or a little later).
    func facts() throws -> EventFactsTable {
        try factsTable.value {
            var table = seed
            try store.refresh(&table)
            return table
        }
    }

    /// The most recent facts this view holds: computed, or else its seed.
    var latestFacts: EventFactsTable { factsTable.value ?? seed }

    /// Events matching the filters of `query` (its box and reported range).
    func count(_ query: EventQuery) throws -> Int {
        try counts.value(for: CountKey(bbox: query.bbox, from: query.from, to: query.to, town: query.town, village: query.village)) { try store.eventCount(query) }
    }

    /// Where and when the events were reported (a scan of every event); nil when there are none.
    func extent() throws -> EventExtent? {
        try extentMemo.value { try store.eventExtent() }
    }
}
