import Foundation
import GridMapGeometry

/// The boundaries of record: every level's versions over time, the datasets they came from, the
/// towns' platform models and the people attached to units (read with the snapshot).
public protocol BoundaryRepository: Sendable {
    /// A counter bumped by every change of boundaries, people or platform models; cheap to poll.
    func boundaryRevision() throws -> Int
    /// Every level's boundaries and the towns' platform models valid at `instant` (normalised
    /// ISO 8601, nil = current), the people, and the revision they were read at.
    func snapshot(asOf instant: Instant?) throws -> AdminSnapshot
    /// Current boundaries of one level, ordered by code.
    func currentBoundaries(_ level: AdminLevel) throws -> [Boundary]
    /// Every instant at which a boundary version or platform model starts or ends, ascending.
    func changeInstants() throws -> [Instant]
    /// Codes of the towns a dataset imported, or nil when no dataset has that name.
    func townCodes(dataset: String) throws -> [String]?
    /// Every version of a unit's boundary, oldest first; empty for an unknown code.
    func boundaryHistory(_ level: AdminLevel, _ code: String) throws -> [BoundaryVersion]
    /// The version of a unit's boundary valid at `instant` (nil = current).
    func boundaryVersion(_ level: AdminLevel, _ code: String, asOf instant: Instant?) throws -> BoundaryVersion?
    /// The tag of a unit's current boundary version (its ETag), nil when it has none.
    func versionTag(_ level: AdminLevel, _ code: String) throws -> String?
    /// The current layout of the town a unit belongs to.
    func townLayout(of level: AdminLevel, _ code: String) throws -> TownLayout
    /// Imports a dataset directory in one transaction: on any error nothing stored changes.
    /// Re-importing the same directory changes nothing; a changed boundary closes the current
    /// version and opens a new one; units no longer in the dataset are retired.
    func importDataset(at directory: URL, options: ImportOptions) throws -> ImportSummary
    /// Runs `body` on a consistent read of the current boundaries.
    func readEdit<T>(_ body: (any BoundaryEditTransaction) throws -> T) throws -> T
    /// Runs `body` in one write transaction: when it throws, nothing it stored remains.
    func writeEdit<T>(_ body: (any BoundaryEditTransaction) throws -> T) throws -> T
}

/// What planning and committing a boundary edit reads and writes, inside one transaction
/// (``BoundaryRepository/readEdit(_:)``, ``BoundaryRepository/writeEdit(_:)``). The rules are
/// Core's (``EditWorkflow``); an implementation only reads and persists.
public protocol BoundaryEditTransaction {
    /// The tag of a unit's current boundary version, nil when it has none.
    func versionTag(_ level: AdminLevel, _ code: String) throws -> String?
    /// The part of a town's current layout an edit can change (``UnknownUnitError`` when the edit
    /// names no known unit).
    func layout(for edit: BoundaryEdit) throws -> TownLayout
    /// What a plan does beyond boundaries: events, people and patrol requirements it moves.
    func consequences(of plan: EditPlan) throws -> EditConsequences
    /// Persists a checked, valid preview that changes something: new versions, moved units,
    /// people and events, the change row and its audit entry; bumps the boundary revision.
    func persist(_ preview: EditPreview, by author: EditAuthor) throws -> EditCommit
}

extension BoundaryRepository {
    /// The current boundaries, platform models and people.
    public func snapshot() throws -> AdminSnapshot { try snapshot(asOf: nil) }

    /// The current version of a unit's boundary.
    public func boundaryVersion(_ level: AdminLevel, _ code: String) throws -> BoundaryVersion? {
        try boundaryVersion(level, code, asOf: nil)
    }

    /// Imports a dataset directory with the default options.
    public func importDataset(at directory: URL) throws -> ImportSummary {
        try importDataset(at: directory, options: ImportOptions())
    }
}
