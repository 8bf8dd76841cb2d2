import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
import Synchronization

/// The routing and people snapshots (`event_snapshots`) decoded, by id, for a store's reads.
/// Snapshot rows are only ever inserted and a committed id never changes meaning, so a decoded
/// one holds for the store's life; events share snapshots, so most reads decode none. Kept to
/// ``capacity`` entries of each kind (emptied when full). Reads inside a write transaction use
/// a cache of their own, as what they see is not committed yet.
final class SnapshotCache: Sendable {
    static let capacity = 65_536

    private let routings = Mutex<[Int64: RecordedRouting]>([:])
    private let people = Mutex<[Int64: [RecordedPerson]]>([:])
    /// Duty leaders by their text: a day's leader is recorded with each of that day's dispatches.
    private let leaders = Mutex<[String: DutyDay]>([:])

    /// The event of a row of `SpatiaLiteStore.selectEvents`, read by column position (a lookup
    /// by name compares names, which costs more than the rest of the row).
    func record(_ row: Row) throws -> EventRecord {
        let routingID: Int64 = row[15], peopleID: Int64 = row[17]
        let routing = try Self.decoded(routingID, in: routings) { try Self.decode(RecordedRouting.self, row[16]) }
        let people = try Self.decoded(peopleID, in: people) { try Self.decode([RecordedPerson].self, row[18]) }
        let leader = try (row[23] as String?).map { text in try Self.decoded(text, in: leaders) { try Self.decode(DutyDay.self, text) } }
        var event = EventRecord(id: row[0], category: row[1], description: row[2], input: Coordinate(row[3], row[4]), crs: row[5],
                           point: Coordinate(row[6], row[7]), reportedAt: row[8], source: row[9], reporter: row[10],
                           gridCode: row[11], villageCode: row[12], townCode: row[13], platformCode: row[14],
                           routing: routing, people: people, deadlineAt: row[19],
                           status: EventStatus(rawValue: row[20]) ?? .received,
                           supervision: EventSupervision(level: SupervisionLevel(rawValue: row[21]) ?? .none,
                                                         window: SupervisionStore.window(row, at: 24)),
                           closedAt: row[22],
                           dutyLeader: leader, history: [])
        event.origin = EventOrigin(rawValue: row[29]) ?? .local
        event.externalID = row[30]
        event.upstreamDeadline = row[31]
        return event
    }

    private static func decoded<Key: Hashable & Sendable, T: Sendable>(_ key: Key, in cache: borrowing Mutex<[Key: T]>,
                                                                      _ decode: () throws -> T) throws -> T {
        if let known = cache.withLock({ $0[key] }) { return known }
        let value = try decode()
        cache.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[key] = value
        }
        return value
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }
}
