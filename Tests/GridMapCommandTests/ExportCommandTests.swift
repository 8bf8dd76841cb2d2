import Foundation
import GridMapGeometry
import GridMapTestSupport
import Testing

@Suite("gridmap export, the command")
struct ExportCommandTests {
    /// The `gridmap` built beside the test bundle.
    private static let gridmap = ExternalTool.gridmap

    @Test("writes GeoJSON (to a file or standard output), Shapefile and GeoPackage that GDAL reads; refuses bad options by name")
    func command() async throws {
        let store = try ExportSample.store.get()
        let directory = try Fixtures.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

        let written = try await ExternalTool.output(Self.gridmap, ["export", "grids", "--db", store.path, "-o", path("grids.geojson"), "--precision", "5"])
        #expect(written.stderr.contains("grids: 150 features to"))
        let grids = try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: path("grids.geojson"))))
        #expect(grids["features"]?.array?.count == 150)

        let piped = try await ExternalTool.output(Self.gridmap, ["export", "towns", "--db", store.path, "-o", "-"])
        #expect(try JSONValue.parse(piped.stdout)["features"]?.array?.count == 2)

        for (arguments, file, system) in [(["--format", "shapefile", "--crs", "EPSG:3857"], "events.shp", "WGS 84 / Pseudo-Mercator"),
                                          (["--format", "gpkg"], "events.gpkg", "CGCS2000 / 3-degree Gauss-Kruger CM 120E")] {
            _ = try await ExternalTool.output(Self.gridmap, ["export", "events", "--db", store.path, "-o", path(file)] + arguments)
            let summary = try await ExternalTool.output("/usr/bin/ogrinfo", ["-ro", "-so", "-al", path(file)])
            #expect(OGRInfo.featureCount(summary.text) == (try ExportSample.count(.events, store)))
            #expect(summary.text.contains(system))
        }

        for (arguments, message) in [(["roads"], "unknown layer 'roads'"),
                                     (["grids", "--crs", "4549"], "GeoJSON is RFC 7946"),
                                     (["events", "--as-of", "2025-01-01T00:00:00Z"], "--as-of: events have no boundary versions"),
                                     (["towns", "--format", "gpkg", "--crs", "999999"], "--crs: PROJ cannot transform to EPSG:999999"),
                                     (["towns", "--format", "shapefile", "-o", "-"], "only GeoJSON can be written to standard output")] {
            await #expect {
                let output = arguments.contains("-o") ? [] : ["-o", path("refused.gpkg")]
                _ = try await ExternalTool.output(Self.gridmap, ["export"] + arguments + ["--db", store.path] + output)
            } throws: { error in
                "\(error)".contains(message)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path("refused.gpkg")))
    }
}
