import ArgumentParser
import Foundation
import GridMapCore
import GridMapGeometry
import GridMapStore

struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve CSV lines 'lon,lat' (file or stdin) to 'lon,lat,grid_code,village_code,town_code,on_boundary'.")

    @Argument(help: "CSV file (default: standard input). A first line that is not numeric is taken as a header.")
    var file: String?
    @OptionGroup var database: DatabaseOption
    @Option(help: "Coordinate system of the input: wgs84, cgcs2000, gcj02 or bd09.") var crs: CoordinateSystem = .wgs84

    func run() throws {
        let resolver = Resolver(try GridMapStore(path: database.path).snapshot())
        let data = try file.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } ?? FileHandle.standardInput.readDataToEndOfFile()
        let lines = String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var inputs: [(text: String, value: Coordinate)] = []
        for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 2, let lon = Double(fields[0].trimmingCharacters(in: .whitespaces)),
                  let lat = Double(fields[1].trimmingCharacters(in: .whitespaces))
            else {
                if number == 0 && inputs.isEmpty { continue }  // header
                throw ValidationError("line \(number + 1): expected 'lon,lat', got '\(line)'")
            }
            let c = Coordinate(lon, lat)
            if let problem = CoordinateCheck.problem(c) { throw ValidationError("line \(number + 1): \(problem)") }
            inputs.append((fields[0...1].joined(separator: ","), c))
        }
        let wgs = crs.toWGS84(interleaved: inputs.flatMap { [$0.value.x, $0.value.y] })
        let hits = resolver.resolveCompact(interleaved: wgs)
        var out = "lon,lat,grid_code,village_code,town_code,on_boundary\n"
        for (input, hit) in zip(inputs, hits) {
            let g = Int(hit.grid)
            let units = g >= 0 ? [resolver.grids[g].code, resolver.village(ofGrid: g)?.code ?? "", resolver.town(ofGrid: g)?.code ?? ""]
                : ["", "", ""]
            out += "\(input.text),\(units.joined(separator: ",")),\(hit.onBoundary)\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

extension CoordinateSystem: ExpressibleByArgument {}
