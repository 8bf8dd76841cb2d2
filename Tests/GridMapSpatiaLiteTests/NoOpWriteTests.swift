import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
@testable import GridMapSpatiaLite
import GridMapTestSupport
import Testing

/// Writes that change nothing store nothing: a redraw to the same territory, marking absent who
/// already is, re-importing an unchanged dataset — checked on the tables themselves.
@Suite struct NoOpWriteTests {
    let store: SpatiaLiteStore
    let layout: TownLayout
    let grid: String
    let author = EditAuthor(actor: AuditActor(name: "planner-1", role: .planner, origin: "test"), reason: "no change")

    init() throws {
        store = try Fixtures.store(with: ["dagangtou"])
        layout = try store.townLayout(of: .grid, try store.currentBoundaries(.grid)[0].unit.code)
        grid = layout.gridCodes(inVillage: layout.villages.keys.sorted()[0])[0]
    }

    /// Everything an edit or import writes, read by SQL: the revision, and per table its rows, its
    /// largest id and its open versions.
    static func fingerprint(_ store: SpatiaLiteStore, audit: Bool = true) throws -> [String] {
        try store.pool.read { db in
            var rows = [try String.fetchOne(db, sql: "SELECT 'revision ' || value FROM meta WHERE key = 'boundary_revision'")!]
            for table in ["town_boundaries", "village_boundaries", "grid_boundaries"] {
                rows.append(try String.fetchOne(db, sql: """
                    SELECT '\(table) ' || count(*) || ' ' || max(id) || ' ' || sum(valid_to IS NULL) || ' ' || group_concat(COALESCE(valid_to, '-'))
                    FROM \(table)
                    """)!)
            }
            for table in ["boundary_changes", "people"] + (audit ? ["audit_log"] : []) {
                rows.append(try String.fetchOne(db, sql: "SELECT '\(table) ' || count(*) || ' ' || COALESCE(max(rowid), 0) FROM \(table)")!)
            }
            rows.append(try String.fetchOne(db, sql: "SELECT 'absent ' || COALESCE(group_concat(id), '') FROM people WHERE absent")!)
            return rows
        }
    }

    /// The grid's outline as another tool might send it back: each ring reversed and started at
    /// another vertex (same territory, other bytes).
    func renoded(_ geometry: MultiPolygon) -> MultiPolygon {
        func turn(_ ring: [Coordinate]) -> [Coordinate] {
            let open = Array(ring.dropLast().reversed()), k = open.count / 2
            let rotated = Array(open[k...] + open[..<k])
            return rotated + [rotated[0]]
        }
        return MultiPolygon(geometry.polygons.map { Polygon(exterior: turn($0.exterior), holes: $0.holes.map(turn)) })
    }

    @Test func aRedrawToTheSameTerritoryStoresNothing() throws {
        let current = layout.grids[grid]!.geometry
        for drawn in [current, renoded(current)] {
            #expect(drawn == current || WKB.encode(drawn) != WKB.encode(current))
            let before = try Self.fingerprint(store)
            let preview = try store.previewEdit(.redrawGrid(code: grid, geometry: drawn, giveTo: nil))
            #expect(preview.plan.isValid && preview.plan.changesNothing, "\(preview.plan.changes.map(\.code))")
            let commit = try store.commitEdit(.redrawGrid(code: grid, geometry: drawn, giveTo: nil), by: author)
            #expect(!commit.changed && commit.changeID == nil && commit.tagsAfter.isEmpty)
            #expect(try Self.fingerprint(store) == before)
            #expect(try store.boundaryHistory(.grid, grid).count == 1)
        }
        // A border moved by a metre is a change: one new version, one change row, the revision bumped.
        let geos = GEOSContext()
        let village = layout.villages[layout.grids[grid]!.unit.parentCode!]!.geometry
        let grown = try geos.geometry(current).buffer(1e-5).intersection(try geos.geometry(village)).polygons()
        let revision = try store.boundaryRevision()
        let commit = try store.commitEdit(.redrawGrid(code: grid, geometry: grown, giveTo: nil), by: author)
        #expect(commit.changed && commit.tagsAfter[grid] != nil)
        #expect(try store.boundaryRevision() == revision + 1)
        #expect(try store.boundaryHistory(.grid, grid).count == 2)
    }

    @Test func markingAbsentWhoAlreadyIsStoresNothing() throws {
        let person = try #require(try store.snapshot().people.first { $0.role == .gridMember && $0.post == .a })
        let first = try store.setAbsent(true, unit: person.unitCode, role: person.role, post: person.post)
        #expect(first.matched >= 1 && first.changed == first.matched)
        let before = try Self.fingerprint(store)
        let again = try store.setAbsent(true, unit: person.unitCode, role: person.role, post: person.post)
        #expect(again == AbsenceUpdate(matched: first.matched, changed: 0))
        #expect(try Self.fingerprint(store) == before)
        #expect(try store.setAbsent(false, unit: person.unitCode, role: person.role, post: person.post).changed == first.matched)
        #expect(try Self.fingerprint(store) != before)
    }

    @Test func reimportingAnUnchangedDatasetStoresNoBoundary() throws {
        let before = try Self.fingerprint(store, audit: false)
        let summary = try store.importDataset(at: Fixtures.sample("dagangtou"))
        #expect(summary.isNoOp)
        #expect(try Self.fingerprint(store, audit: false) == before)
    }
}
