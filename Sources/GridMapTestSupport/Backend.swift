import Foundation
import GridMapCore
import GridMapSpatiaLite

/// A store backend the repository contract tests (`GridMapRepositoryTests`) run against: each
/// test takes every backend in ``all`` as an argument. A new backend adds itself here.
public struct Backend: Sendable, CustomStringConvertible {
    public let description: String
    private let open: @Sendable (_ directory: URL) throws -> any GridMapRepository

    public static let all: [Backend] = [.spatiaLite]

    public static let spatiaLite = Backend(description: "SpatiaLite") { directory in
        try SpatiaLiteStore(path: directory.appendingPathComponent("gridmap.sqlite").path)
    }

    /// A new empty repository in a scratch directory.
    public func emptyRepository() throws -> any GridMapRepository {
        try open(Fixtures.scratchDirectory())
    }

    /// A repository with the given sample datasets imported.
    public func repository(with samples: [String]) throws -> any GridMapRepository {
        let repository = try emptyRepository()
        for name in samples { _ = try repository.importDataset(at: Fixtures.sample(name)) }
        return repository
    }
}
