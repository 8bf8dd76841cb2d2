// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "GridMap",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gridmap", targets: ["gridmap"]),
        .executable(name: "gridmap-bench", targets: ["gridmap-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(name: "CSpatiaLite", pkgConfig: "spatialite",
                       providers: [.apt(["libspatialite-dev", "libsqlite3-dev"])]),
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CProj", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // A cache prefetch hint for bulk point lookups.
        .target(name: "CPrefetch"),
        // Plain geometry values, GeoJSON, coordinate systems, the exact point index, GEOS and PROJ
        // wrappers.
        .target(name: "GridMapGeometry", dependencies: ["CGEOS", "CProj", "CPrefetch"]),
        // The SpatiaLite store of record: schema, migrations, dataset import, queries, bearer tokens
        // (SHA-256 from swift-crypto) and the audit log.
        .target(name: "GridMapSpatiaLite", dependencies: [
            "GridMapGeometry", "GridMapCore", "GridMapJSON", "CSpatiaLite",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Domain: administrative hierarchy, resolution of coordinates to grid/village/town; people's
        // accounts, their passwords hashed with bcrypt (hummingbird-auth's, plain C, no I/O).
        .target(name: "GridMapCore", dependencies: [
            "GridMapGeometry", .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        ]),
        // Mapbox Vector Tiles 2.1: tile addressing, geometry fitted to a tile, encoding, gzip; and
        // the layers GridMap draws into tiles (Layers/).
        .target(name: "GridMapTiles", dependencies: ["GridMapGeometry", "GridMapCore", "CZlib"]),
        // JSON, both ways, for every answer: the fast writer (into NIO's ByteBuffer, which becomes a
        // response body without a copy), every representation, and the bulk point-list reader.
        .target(name: "GridMapJSON", dependencies: [
            "GridMapGeometry", "GridMapCore", .product(name: "NIOCore", package: "swift-nio"),
        ]),
        // Exports for county GIS: the layers and their attributes, features read a page at a time,
        // GeoJSON, Shapefile and GeoPackage writers in any CRS PROJ knows.
        .target(name: "GridMapExport", dependencies: [
            "GridMapGeometry", "GridMapCore", "GridMapJSON", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Spreadsheets: Core's sheet tables written as .xlsx workbooks through libxlsxwriter.
        .target(name: "GridMapSheets", dependencies: ["GridMapCore", "CXlsxWriter"]),
        // HTTP API (Hummingbird 2), OGC API - Features, the web console (Web/) and the hooks'
        // deliveries (async-http-client, signed with swift-crypto's HMAC).
        .target(name: "GridMapServer", dependencies: [
            "GridMapCore", "GridMapJSON", "GridMapTiles", "GridMapExport", "GridMapSheets",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], resources: [.copy("Web/static")]),
        .executableTarget(name: "gridmap", dependencies: [
            "GridMapServer", "GridMapSpatiaLite", "GridMapCore", "GridMapJSON", "GridMapTiles", "GridMapExport", "GridMapSheets",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The benchmarks, apart from the shipped binary: `gridmap-bench resolve|events|patrols|edits|jenks`.
        .executableTarget(name: "gridmap-bench", dependencies: [
            "GridMapServer", "GridMapSpatiaLite", "GridMapCore", "GridMapGeometry", "GridMapJSON",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "GridMapTestSupport", dependencies: ["GridMapSpatiaLite", "GridMapCore", "GridMapGeometry", "GridMapExport"],
                path: "Sources/GridMapTestSupport"),
        .testTarget(name: "GridMapGeometryTests", dependencies: ["GridMapGeometry"]),
        .testTarget(name: "GridMapExportTests", dependencies: [
            "GridMapExport", "GridMapCore", "GridMapGeometry", "GridMapSpatiaLite", "GridMapTestSupport",
        ]),
        .testTarget(name: "GridMapJSONTests", dependencies: ["GridMapJSON", "GridMapCore", "GridMapGeometry", "GridMapTestSupport"]),
        .testTarget(name: "GridMapTilesTests", dependencies: [
            "GridMapTiles", "GridMapGeometry", "GridMapCore", "GridMapExport", "GridMapSpatiaLite", "GridMapTestSupport",
        ]),
        .testTarget(name: "GridMapCoreTests", dependencies: ["GridMapCore", "GridMapTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "GridMapSpatiaLiteTests", dependencies: [
            "GridMapSpatiaLite", "GridMapCore", "GridMapTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The repository contract: every test runs on each backend of `Backend.all`.
        .testTarget(name: "GridMapRepositoryTests", dependencies: [
            "GridMapCore", "GridMapGeometry", "GridMapSpatiaLite", "GridMapTestSupport",
        ]),
        // The shipped `gridmap` command run as a user runs it (the binary, its output and exit status).
        .testTarget(name: "GridMapCommandTests", dependencies: [
            "GridMapTestSupport", "GridMapSpatiaLite", "GridMapGeometry", "GridMapCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "GridMapServerTests", dependencies: [
            "GridMapServer", "GridMapSheets", "GridMapTiles", "GridMapExport", "GridMapJSON", "GridMapTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
    ]
)
