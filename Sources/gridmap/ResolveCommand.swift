import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry

struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve CSV lines 'lon,lat' (file or stdin) to 'lon,lat,grid_code,village_code,town_code,on_boundary'.")

    @Argument(help: "CSV file (default: standard input). A first line that is not numeric is taken as a header.")
    var file: String?
    @OptionGroup var database: DatabaseOption
    @Option(help: "Coordinate system of the input: wgs84, cgcs2000, gcj02 or bd09.") var crs: CoordinateSystem = .wgs84
    @Flag(help: "Start the output with a UTF-8 byte order mark (for Excel).") var bom = false

    func run() throws {
        let resolver = Resolver(try database.open().snapshot())
        let data = try file.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } ?? FileHandle.standardInput.readDataToEndOfFile()
        let output = try data.withUnsafeBytes { try CSVResolution.resolve($0, crs: crs, resolver: resolver) }
        FileHandle.standardOutput.write(Data((bom ? CSVField.byteOrderMark : []) + output))
    }
}

extension CoordinateSystem: ExpressibleByArgument {}
