import Synchronization

/// A value derived on first use and kept: it belongs to one served revision, so it is never
/// invalidated, only dropped with the view that holds it. Concurrent first uses may each compute
/// it; the first stored wins.
final class Memo<Value: Sendable>: Sendable {
    private let stored = Mutex<Value?>(nil)

    init() {}

    /// The kept value, if computed yet.
    var value: Value? { stored.withLock { $0 } }

    /// The kept value, computed by `make` the first time.
    func value(_ make: () throws -> Value) rethrows -> Value {
        if let known = stored.withLock({ $0 }) { return known }
        let made = try make()
        return stored.withLock { kept in
            if let kept { return kept }
            kept = made
            return made
        }
    }
}

/// Values derived per key on first use and kept for one served revision (see ``Memo``), at most
/// `capacity` of them: beyond, the table starts over.
final class MemoTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let stored = Mutex<[Key: Value]>([:])
    private let capacity: Int

    init(capacity: Int = .max) { self.capacity = capacity }

    /// The value kept for `key`, computed by `make` the first time.
    func value(for key: Key, _ make: () throws -> Value) rethrows -> Value {
        if let known = stored.withLock({ $0[key] }) { return known }
        let made = try make()
        return stored.withLock { table in
            if let kept = table[key] { return kept }
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[key] = made
            return made
        }
    }
}
