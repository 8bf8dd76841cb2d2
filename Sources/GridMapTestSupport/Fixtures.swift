import Foundation
import GridMapCore
import GridMapGeometry
import GridMapSpatiaLite

/// Shared test fixtures: the shipped sample datasets, scratch directories and databases.
public enum Fixtures {
    /// The repository's `geodata/` folder (sample data ships with the project).
    public static let geodata = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("geodata")

    public static func sample(_ name: String) -> URL { geodata.appendingPathComponent(name) }

    /// A fresh empty directory under the system's temporary folder.
    public static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gridmap-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new store in a scratch directory.
    public static func emptyStore() throws -> SpatiaLiteStore {
        try Backend.spatiaLite.emptyRepository() as! SpatiaLiteStore
    }

    /// A store with the given sample datasets imported.
    public static func store(with samples: [String]) throws -> SpatiaLiteStore {
        try Backend.spatiaLite.repository(with: samples) as! SpatiaLiteStore
    }

    /// A store with the given sample datasets and their sample years of events imported.
    public static func storeWithEvents(_ samples: [String]) throws -> SpatiaLiteStore {
        let store = try self.store(with: samples)
        for name in samples {
            let events = try EventFile.read(sample(name).appendingPathComponent("events.csv")).events
            _ = try store.importEvents(events, resolvers: HistoricalResolvers(store: store))
        }
        return store
    }

    /// A copy of a sample dataset whose files can be edited.
    public static func editableCopy(of name: String) throws -> URL {
        let target = try scratchDirectory().appendingPathComponent(name)
        try FileManager.default.copyItem(at: sample(name), to: target)
        return target
    }

    /// Rewrites one GeoJSON file of a dataset directory through a closure over its features.
    public static func editFeatures(_ directory: URL, _ file: String, _ edit: (inout [[String: Any]]) -> Void) throws {
        let url = directory.appendingPathComponent(file)
        var root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var features = root["features"] as! [[String: Any]]
        edit(&features)
        root["features"] = features
        try JSONSerialization.data(withJSONObject: root).write(to: url)
    }

    /// GeoJSON polygon coordinates for a ring.
    public static func polygonCoordinates(_ ring: [Coordinate]) -> [[[Double]]] {
        [ring.map { [$0.x, $0.y] }]
    }
}
