import GridMapCore
import Logging
import Synchronization

/// The audit entries of reads that showed personal data in full (保密管理), one per request,
/// queued by ``AccessMiddleware`` and written in one transaction by a periodic flush, so such a
/// read costs no database write of its own.
final class ReadAuditQueue: Sendable {
    private let queued = Mutex<[AuditEntry]>([])

    func append(_ entry: AuditEntry) { queued.withLock { $0.append(entry) } }

    /// Writes what is queued; on failure the entries are put back in front, to be tried again.
    func flush(to store: any AccessRepository) throws {
        let entries = queued.withLock { held in
            defer { held.removeAll(keepingCapacity: true) }
            return held
        }
        guard !entries.isEmpty else { return }
        do {
            try store.appendAudit(entries)
        } catch {
            queued.withLock { $0.insert(contentsOf: entries, at: 0) }
            throw error
        }
    }
}
