import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry
import GridMapJSON

/// `gridmap edit …`: planners' boundary edits on the database, the same as `POST /v1/edits`.
/// Prints the preview (with `--dry-run`) or the commit as JSON; a refused edit prints its
/// problems, stores nothing and exits with status 2.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Redraw, split, merge or move grids, or redraw a village, with history.",
        subcommands: [RedrawGridCommand.self, SplitGridCommand.self, MergeGridsCommand.self, MoveGridCommand.self,
                      RedrawVillageCommand.self, HistoryCommand.self])
}

/// What every edit command takes.
struct EditOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOption
    @Option(help: "Why (kept with the new versions; required unless --dry-run).") var reason: String?
    @Flag(help: "Only preview: print the full diff, store nothing.") var dryRun = false
    @Option(help: "Smallest grid an edit may leave, m².") var minGridArea = EditPlanner().minimumGridArea

    func run(_ edit: BoundaryEdit) throws {
        let store = try database.open()
        let planner = EditPlanner(minimumGridArea: minGridArea)
        do {
            if dryRun {
                let preview = try store.previewEdit(edit, planner: planner)
                print(JSONWriter.text(capacity: 16 << 10) { $0.editPreview(preview, for: .owner) })
                if !preview.plan.isValid { throw refused(preview) }
            } else {
                let commit = try store.commitEdit(edit, by: EditAuthor(actor: .commandLine, reason: reason ?? ""), planner: planner)
                print(JSONWriter.text(capacity: 16 << 10) { $0.editCommit(commit, for: .owner) })
                if !commit.changed { printError("the edit changes nothing; nothing was stored") }
            }
        } catch let error as UnknownUnitError {
            printError("\(error); nothing was stored")
            throw ExitCode(error)
        } catch EditRejection.invalid(let preview) {
            print(JSONWriter.text(capacity: 16 << 10) { $0.editPreview(preview, for: .owner) })
            throw refused(preview)
        } catch EditRejection.missingReason {
            printError("--reason is required to commit an edit; nothing was stored")
            throw ExitCode(EditRejection.missingReason)
        }
    }

    private func refused(_ preview: EditPreview) -> ExitCode {
        for problem in preview.plan.problems { printError("\(problem.code): \(problem.message)") }
        printError("edit refused; nothing was stored")
        return ExitCode(EditRejection.invalid(preview))
    }
}

/// Reads a GeoJSON file holding a Polygon/MultiPolygon geometry, a Feature or a one-feature collection.
func readGeoJSON(_ path: String) throws -> JSONValue {
    var value = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: path)))
    if value["type"]?.string == "FeatureCollection", let first = value["features"]?.array?.first { value = first }
    if value["type"]?.string == "Feature" { value = value["geometry"] ?? .null }
    return value
}

struct RedrawGridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redraw-grid", abstract: "Give a grid a new boundary; neighbours adjust.")
    @Argument(help: "Grid code.") var grid: String
    @Option(help: "GeoJSON file with the new Polygon/MultiPolygon.") var geometry: String
    @Option(help: "The neighbour that receives the area given up (default: longest shared border).") var giveTo: String?
    @OptionGroup var options: EditOptions

    func run() throws {
        try options.run(.redrawGrid(code: grid, geometry: try GeoJSON.multiPolygon(try readGeoJSON(geometry)), giveTo: giveTo))
    }
}

struct RedrawVillageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redraw-village",
                                                    abstract: "Give a village a new boundary; neighbours adjust and grids are refitted.")
    @Argument(help: "Village code.") var village: String
    @Option(help: "GeoJSON file with the new Polygon/MultiPolygon.") var geometry: String
    @Option(help: "The neighbouring village that receives the area given up.") var giveTo: String?
    @OptionGroup var options: EditOptions

    func run() throws {
        try options.run(.redrawVillage(code: village, geometry: try GeoJSON.multiPolygon(try readGeoJSON(geometry)), giveTo: giveTo))
    }
}

struct SplitGridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "split-grid", abstract: "Cut a grid in two along a line.")
    @Argument(help: "Grid code.") var grid: String
    @Option(help: "The line: 'lon,lat lon,lat …' (WGS84) or a GeoJSON file with a LineString.") var line: String
    @Option(help: "Code of the new grid (default: the village's next unused code).") var newCode: String?
    @Option(help: "Name of the new grid.") var newName: String?
    @OptionGroup var options: EditOptions

    func run() throws {
        try options.run(.splitGrid(code: grid, line: try Self.positions(line), newCode: newCode, newName: newName))
    }

    static func positions(_ text: String) throws -> [Coordinate] {
        let pairs = text.split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
        if pairs.count >= 2, pairs.allSatisfy({ $0.count == 2 }) { return pairs.map { Coordinate($0[0], $0[1]) } }
        let value = try readGeoJSON(text)
        guard value["type"]?.string == "LineString", let positions = value["coordinates"]?.array else {
            throw ValidationError("--line: neither 'lon,lat lon,lat …' nor a GeoJSON LineString file")
        }
        return try positions.enumerated().map { try GeoJSON.position($1, path: "coordinates[\($0)]") }
    }
}

struct MergeGridsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge-grids", abstract: "Unite adjacent grids of one village.")
    @Argument(help: "Two or more grid codes.") var grids: [String]
    @Option(help: "The grid that stays (default: the first).") var into: String?
    @Option(help: "New name of the merged grid.") var name: String?
    @OptionGroup var options: EditOptions

    func run() throws { try options.run(.mergeGrids(codes: grids, into: into, name: name)) }
}

struct MoveGridCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move-grid",
                                                    abstract: "Move a grid with its territory to an adjacent village of the same town.")
    @Argument(help: "Grid code.") var grid: String
    @Option(help: "Code of the village it moves to.") var village: String
    @OptionGroup var options: EditOptions

    func run() throws { try options.run(.moveGrid(code: grid, toVillage: village)) }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Every boundary version of a unit, oldest first (TSV).")
    @Argument(help: "town, village or grid.") var level: AdminLevel
    @Argument(help: "Code.") var code: String
    @OptionGroup var database: DatabaseOption

    func run() throws {
        let versions = try database.open().boundaryHistory(level, code)
        guard !versions.isEmpty else {
            printError("unknown \(level.rawValue) \(code)")
            throw ExitCode(2)
        }
        print("version\tvalid_from\tvalid_to\tparent\tchange\tauthor\treason")
        for v in versions {
            print([v.tag, v.validFrom.iso, v.validTo?.iso ?? "", v.unit.parentCode ?? "", v.change.map { "#\($0.id)" } ?? "import",
                   v.change?.author ?? "", v.change?.reason ?? ""].joined(separator: "\t"))
        }
    }
}

extension AdminLevel: ExpressibleByArgument {}
