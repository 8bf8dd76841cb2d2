import Foundation
import Dispatch
import GridMapCore
import GridMapJSON
import GridMapGeometry
import Synchronization

/// Locates, routes, keys and renders the events of an import on all cores, slice by slice in
/// file order, while the caller stores the slices already done.
final class ImportPipeline: Sendable {
    /// Slice positions, in file order.
    let slices: Range<Int>
    private let prepared: Mutex<[PreparedSlice?]>
    private let ready: [DispatchSemaphore]
    private let done = DispatchSemaphore(value: 0)

    /// Events per slice: large enough to amortise the rendering, small enough for the writer to
    /// start early.
    private static let sliceSize = 16_384

    /// `now` is when the import runs: events reported later are refused.
    init(_ events: [HistoricalEvent], now: Instant, resolverAt: @escaping @Sendable (Instant) throws -> Resolver) {
        let count = max(1, (events.count + Self.sliceSize - 1) / Self.sliceSize)
        slices = 0..<count
        prepared = Mutex([PreparedSlice?](repeating: nil, count: count))
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        DispatchQueue.global().async { [self] in
            Parallel.forEach(events.count, parts: count) { i, range in
                let slice = PreparedSlice(events, range, now: now, resolverAt: resolverAt)
                prepared.withLock { $0[i] = slice }
                ready[i].signal()
            }
            done.signal()
        }
    }

    /// Slice `index` once it is ready, handed over (the pipeline keeps no copy); throws the error
    /// that stopped its preparation.
    func take(_ index: Int) throws -> PreparedSlice {
        ready[index].wait()
        let slice = prepared.withLock { slices in
            defer { slices[index] = nil }
            return slices[index]!
        }
        if let failure = slice.failure { throw failure }
        return slice
    }

    /// Waits until every slice is prepared, so that no work outlives the import.
    func finish() { done.wait() }
}

/// A slice of an import, located and rendered: its events with their source keys and their
/// routing and people snapshots as positions in `snapshots` (each distinct JSON once), or the
/// events that cannot be routed or are reported in the future ("line 12: …"), or the error that
/// stopped it.
struct PreparedSlice: @unchecked Sendable {
    struct Event {
        /// The event's position in the import.
        var index: Int
        var event: LocatedEvent
        var sourceKey: EventSourceKey.Key
        var routing: Int
        var people: Int
    }

    private(set) var events: [Event] = []
    private(set) var snapshots: [String] = []
    private(set) var problems: [String] = []
    private(set) var failure: (any Error)?

    init(_ all: [HistoricalEvent], _ range: Range<Int>, now: Instant, resolverAt: (Instant) throws -> Resolver) {
        var renderer = SnapshotRenderer()
        events.reserveCapacity(range.count)
        do {
            for index in range {
                let event = all[index]
                if ReportedTime.isInFuture(event.report.reportedAt, now: now) {
                    problems.append("\(event.position): reported_at \(event.report.reportedAt) is in the future")
                    continue
                }
                let resolver = try resolverAt(event.report.reportedAt)
                let report = event.report, point = report.crs.toWGS84(report.coordinate)
                if let refusal = PointAcceptance.swapRefusal(report.coordinate, used: point, crs: report.crs, resolver: resolver) {
                    problems.append("\(event.position): \(refusal)")
                    continue
                }
                do {
                    let located = try resolver.locate(report, at: point)
                    let (routing, people) = renderer.snapshots(of: located, by: resolver)
                    events.append(Event(index: index, event: located, sourceKey: EventSourceKey.imported(event.report),
                                        routing: routing, people: people))
                } catch {
                    problems.append("\(event.position): \(error)")
                }
            }
        } catch {
            failure = error
        }
        snapshots = renderer.rendered
    }
}

/// Renders the snapshots of located events once per distinct routing decision and place: they
/// are functions of the resolver (one per period of valid boundaries and models), the town, the
/// rule that decided, and the grid and village.
private struct SnapshotRenderer {
    private struct Decision: Hashable {
        var resolver: ObjectIdentifier
        var town: String?
        var category: String
        var rule: String
        var place: TaxonomyRouter.Place
    }

    private struct Place: Hashable {
        var resolver: ObjectIdentifier
        var grid: String?
        var village: String?
    }

    /// Every snapshot rendered, each once.
    private(set) var rendered: [String] = []
    private var decisions: [Decision: Int] = [:]
    private var places: [Place: Int] = [:]
    /// The resolvers named by the keys, kept alive so that no other takes their identity.
    private var resolvers: [ObjectIdentifier: Resolver] = [:]

    /// Positions in `rendered` of the event's routing and people snapshots.
    mutating func snapshots(of event: LocatedEvent, by resolver: Resolver) -> (routing: Int, people: Int) {
        let id = ObjectIdentifier(resolver), r = event.resolution, routed = event.routed
        if resolvers[id] == nil { resolvers[id] = resolver }
        let decision = Decision(resolver: id, town: r.town?.code, category: routed.category.code,
                                rule: routed.routing.ruleCategory, place: routed.routing.place)
        let place = Place(resolver: id, grid: r.grid?.code, village: r.village?.code)
        return (Self.position(decision, in: &decisions, rendering: &rendered) { RecordedJSON.routing(RecordedRouting(routed)) },
                Self.position(place, in: &places, rendering: &rendered) { peopleSnapshot(event.people) })
    }

    private static func position<Key: Hashable>(_ key: Key, in positions: inout [Key: Int], rendering rendered: inout [String],
                                                render: () -> String) -> Int {
        if let known = positions[key] { return known }
        rendered.append(render())
        positions[key] = rendered.count - 1
        return rendered.count - 1
    }
}
