import Foundation
import GridMapGeometry
import GridMapSpatiaLite
import GridMapTestSupport
import Testing

@Suite("gridmap resolve, the command")
struct ResolveCommandTests {
    private static let gridmap = ExternalTool.gridmap

    private static func run(_ csv: String, _ arguments: [String] = [], store: SpatiaLiteStore) async throws -> ExternalTool.Output {
        let file = try Fixtures.scratchDirectory().appendingPathComponent("in.csv")
        try Data(csv.utf8).write(to: file)
        return try await ExternalTool.output(gridmap, ["resolve", file.path, "--db", store.path] + arguments)
    }

    /// Files as offices save them (BOM, CRLF, a header, blank lines, spaces, quoted numbers, extra
    /// columns): every line resolved as SpatiaLite's ST_Covers finds it, the numbers echoed as given.
    @Test func resolvesEveryLineLikeSpatiaLite() async throws {
        let store = try ExportSample.store.get()
        var random = SplitMix64(seed: 3)
        let points = (0..<300).map { _ in Coordinate(119.60 + random.unit() * 0.25, 28.15 + random.unit() * 0.2) }
            + [Coordinate(120.95, 30.42), Coordinate(0, 0)]
        let spelled = points.map { (String(format: "%.6f", $0.x), String(format: "%.6f", $0.y)) }
        var csv = "\u{FEFF}经度,纬度,备注\r\n"
        for (i, (lon, lat)) in spelled.enumerated() {
            csv += i % 3 == 0 ? " \(lon) ,\t\(lat)\r\n" : i % 3 == 1 ? "\"\(lon)\",\(lat),x\n" : "\(lon),\(lat)\n"
            if i % 50 == 0 { csv += "\n" }
        }
        let output = try await Self.run(csv, store: store)
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "lon,lat,grid_code,village_code,town_code,on_boundary")
        let withMark = try await Self.run(csv, ["--bom"], store: store)
        #expect(withMark.stdout == Data([0xEF, 0xBB, 0xBF]) + output.stdout)
        #expect(lines.count == points.count + 2 && lines.last == "")
        let covering = try SQLReference(store).gridsCovering(points)
        for (i, codes) in covering.enumerated() {
            let grid = codes.min() ?? ""
            let village = String(grid.prefix(12)), town = grid.isEmpty ? "" : grid.prefix(9) + "000"
            #expect(lines[i + 1] == "\(spelled[i].0),\(spelled[i].1),\(grid),\(village),\(town),\(codes.count > 1)")
        }
    }

    @Test func refusesBadLinesByNumber() async throws {
        let store = try ExportSample.store.get()
        for (csv, message) in [("lon,lat\n119.7,28.2\nabc,28.2\n", "line 3: expected 'lon,lat', got 'abc,28.2'"),
                               ("119.7,28.2\n119.7,1e999\n", "line 2: coordinates must be finite numbers"),
                               ("28.27,119.72\n", "line 1: latitude 119.72 is out of range [-90, 90]; longitude and latitude look swapped"),
                               ("119.7,\"28.2\n", "a quoted field is not closed")] {
            await #expect { _ = try await Self.run(csv, store: store) } throws: { "\($0)".contains(message) }
        }
    }
}
