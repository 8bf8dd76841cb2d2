import Foundation
import GridMapGeometry

/// The CSV form of bulk resolution (`gridmap resolve`): lines `lon,lat` in, lines
/// `lon,lat,grid_code,village_code,town_code,on_boundary` out, the input numbers echoed as given.
public enum CSVResolution {
    public struct LineError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Resolves every line; a first line that is not numeric is taken as a header and skipped.
    public static func resolve(_ text: String, crs: CoordinateSystem, resolver: Resolver) throws -> String {
        var inputs: [(text: String, value: Coordinate)] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2, let lon = Double(fields[0]), let lat = Double(fields[1]) else {
                if number == 0 { continue }
                throw LineError(description: "line \(number + 1): expected 'lon,lat', got '\(line)'")
            }
            let c = Coordinate(lon, lat)
            if let problem = CoordinateCheck.problem(c) { throw LineError(description: "line \(number + 1): \(problem)") }
            inputs.append(("\(fields[0]),\(fields[1])", c))
        }
        let wgs = crs.toWGS84(interleaved: inputs.flatMap { [$0.value.x, $0.value.y] })
        let hits = resolver.resolveCompact(interleaved: wgs)
        var out = "lon,lat,grid_code,village_code,town_code,on_boundary\n"
        for (input, hit) in zip(inputs, hits) {
            let g = Int(hit.grid)
            let codes = g < 0 ? ",," : [resolver.grids[g].code, resolver.village(ofGrid: g)?.code ?? "",
                                        resolver.town(ofGrid: g)?.code ?? ""].joined(separator: ",")
            out += "\(input.text),\(codes),\(hit.onBoundary)\n"
        }
        return out
    }
}
