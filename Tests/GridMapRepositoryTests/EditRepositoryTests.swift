import GridMapCore
import GridMapGeometry
import GridMapTestSupport
import Testing

/// Core's edit workflow (``BoundaryRepository/commitEdit(_:by:planner:)``) on every backend: each
/// refusal stores nothing, a no-op stores nothing, a change makes one version and one revision.
@Suite struct EditRepositoryTests {
    struct Subject {
        let store: any GridMapRepository
        let layout: TownLayout
        let grid: String
        let grown: MultiPolygon

        init(_ backend: Backend) throws {
            store = try backend.repository(with: ["dagangtou"])
            let growth = try GrownGrid(in: store)
            (layout, grid, grown) = (growth.layout, growth.code, growth.grown)
        }

        func author(_ reason: String, expecting tags: Set<String>? = nil) -> EditAuthor {
            GrownGrid.author(reason, expecting: tags)
        }

        /// What a refused commit must leave as it was.
        func state() throws -> [String] {
            [String(try store.boundaryRevision()), try store.versionTag(.grid, grid) ?? "-",
             String(try store.boundaryHistory(.grid, grid).count), String(try store.auditLog(limit: 1_000).count)]
        }
    }

    @Test(arguments: Backend.all) func refusalsStoreNothing(_ backend: Backend) throws {
        let subject = try Subject(backend), store = subject.store, grid = subject.grid
        let before = try subject.state()
        let edit = BoundaryEdit.redrawGrid(code: grid, geometry: subject.grown, giveTo: nil)
        #expect { try store.commitEdit(edit, by: subject.author("  ")) } throws: { error in
            if case EditRejection.missingReason = error { true } else { false }
        }
        let current = try #require(try store.versionTag(.grid, grid))
        #expect { try store.commitEdit(edit, by: subject.author("stale", expecting: ["v0"])) } throws: { error in
            if case EditRejection.stale(.grid, grid, current) = error { true } else { false }
        }
        #expect(throws: UnknownUnitError.self) {
            try store.commitEdit(.redrawGrid(code: "330000000000000", geometry: subject.grown, giveTo: nil), by: subject.author("unknown"))
        }
        #expect(throws: UnknownUnitError.self) {
            try store.previewEdit(.moveGrid(code: "330000000000000", toVillage: grid))
        }
        #expect(try subject.state() == before)
    }

    @Test(arguments: Backend.all) func aChangeMakesOneVersionAndANoOpNone(_ backend: Backend) throws {
        let subject = try Subject(backend), store = subject.store, grid = subject.grid
        let before = try subject.state()
        let same = try store.commitEdit(.redrawGrid(code: grid, geometry: subject.layout.grids[grid]!.geometry, giveTo: nil),
                                        by: subject.author("no change"))
        #expect(!same.changed && same.tagsAfter.isEmpty)
        #expect(try subject.state() == before)

        let tag = try #require(try store.versionTag(.grid, grid))
        let preview = try store.previewEdit(.redrawGrid(code: grid, geometry: subject.grown, giveTo: nil))
        #expect(preview.plan.isValid && !preview.plan.changesNothing && preview.tagsBefore[grid] == tag)
        let commit = try store.commitEdit(.redrawGrid(code: grid, geometry: subject.grown, giveTo: nil),
                                          by: subject.author("grown", expecting: [tag]))
        let newTag = try store.versionTag(.grid, grid)
        #expect(commit.changed && commit.tagsAfter[grid] == newTag && newTag != tag)
        #expect(try store.boundaryRevision() == Int(before[0])! + 1)
        let history = try store.boundaryHistory(.grid, grid)
        #expect(history.count == 2 && history[1].change?.reason == "grown" && history[1].change?.author == "planner-1")
        #expect(history[0].validTo == history[1].validFrom)
    }
}
