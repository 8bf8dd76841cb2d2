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

    /// The event of a row selected with its snapshots' `routing` and `people` JSON.
    func record(_ row: Row) throws -> EventRecord {
        let routingID: Int64 = row["routing_id"], peopleID: Int64 = row["people_id"]
        let routing = try Self.decoded(routingID, in: routings) { try Self.decode(RecordedRouting.self, row["routing"]) }
        let people = try Self.decoded(peopleID, in: people) { try Self.decode([RecordedPerson].self, row["people"]) }
        return EventRecord(id: row["id"], category: row["category_code"], description: row["description"],
                           input: Coordinate(row["input_x"], row["input_y"]), crs: row["crs"],
                           point: Coordinate(row["lon"], row["lat"]), reportedAt: row["reported_at"], source: row["source"],
                           reporter: row["reporter"], gridCode: row["grid_code"], villageCode: row["village_code"],
                           townCode: row["town_code"], platformCode: row["platform_code"], routing: routing, people: people,
                           deadlineAt: row["deadline_at"], status: EventStatus(rawValue: row["status"]) ?? .received,
                           supervised: row["supervised"], closedAt: row["closed_at"],
                           dutyLeader: try (row["duty_leader"] as String?).map { text in
                               try Self.decoded(text, in: leaders) { try Self.decode(DutyDay.self, text) }
                           }, history: [])
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
