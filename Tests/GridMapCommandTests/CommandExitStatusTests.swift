import Foundation
import GridMapTestSupport
import Testing

/// The command line ends a refused command with the exit status of the error's kind and names its
/// stable code (README, Commands): what scripts branch on.
@Suite("gridmap exit statuses")
struct CommandExitStatusTests {
    private static func resolve(_ csv: String, expecting status: Int32) async throws -> ExternalTool.Output {
        let file = try Fixtures.scratchDirectory().appendingPathComponent("in.csv")
        try Data(csv.utf8).write(to: file)
        let store = try ExportSample.store.get()
        return try await ExternalTool.output(ExternalTool.gridmap, ["resolve", file.path, "--db", store.path], expecting: status)
    }

    @Test func refusedInputIsStatus2WithItsCode() async throws {
        let malformed = try await Self.resolve("lon,lat\n119.72,28.27\nabc,28.2\n", expecting: 2).stderr
        #expect(malformed.contains("line 3: expected 'lon,lat', got 'abc,28.2'") && malformed.hasSuffix("(malformed_csv)\n"), "\(malformed)")
        let swapped = try await Self.resolve("28.27,119.72\n", expecting: 2).stderr
        #expect(swapped.contains("line 1: ") && swapped.hasSuffix("(lat_lon_swapped)\n"), "\(swapped)")
        #expect(try await Self.resolve("119.72,28.27\n", expecting: 0).text.hasPrefix("lon,lat,grid_code"))
    }

    /// A database file that was never migrated cannot be served read-only: status 4, `read_only_database`.
    @Test func aDatabaseThatTakesNoChangesIsStatus4() async throws {
        let empty = try Fixtures.scratchDirectory().appendingPathComponent("empty.sqlite")
        try Data().write(to: empty)
        let output = try await ExternalTool.output(ExternalTool.gridmap, ["serve", "--db", empty.path, "--read-only", "--port", "0"],
                                                   expecting: 4)
        #expect(output.stderr.contains("lacks migration") && output.stderr.contains("(read_only_database)"), "\(output.stderr)")
    }
}
