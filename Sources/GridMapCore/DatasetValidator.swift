import Foundation
import GridMapGeometry

/// What validation found: errors stop the import; warnings and repairs are reported.
public struct ValidationReport: Sendable {
    public var errors: [String] = []
    public var warnings: [String] = []
    public var repairs: [String] = []
}

/// The import checks, each message naming the feature's level and code:
/// codes well formed and unique, parents present, geometry valid (or repaired with MakeValid
/// when asked), each unit inside its parent (1 m tolerance), siblings not overlapping (1 m²
/// tolerance), and gaps between siblings (warnings).
///
/// Metric checks run in a local equirectangular projection around the dataset (see
/// ``LocalMetric``): at town scale its error is far below the tolerances.
public struct DatasetValidator {
    public static let containmentToleranceMeters = 1.0
    public static let overlapToleranceSquareMeters = 1.0

    /// Current boundaries already in the store, by code, for parents the dataset does not carry.
    public var storedParents: [String: Boundary]
    public var repair: Bool

    public init(storedParents: [String: Boundary] = [:], repair: Bool = false) {
        self.storedParents = storedParents
        self.repair = repair
    }

    /// Validates `dataset`, repairing invalid geometries in place when `repair` is set.
    public func validate(_ dataset: inout Dataset) -> ValidationReport {
        var report = ValidationReport()
        checkCodes(dataset, &report)
        checkOverridePlaces(dataset, &report)
        let all = AdminLevel.allCases.flatMap { dataset.features($0) }
        guard let box = all.compactMap({ $0.geometry.boundingBox }).reduce(nil, { ($0 ?? $1).union($1) as BoundingBox? })
        else { return report }
        let origin = Coordinate((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)
        let metric = LocalMetric(latitude: origin.y)
        let geos = GEOSContext()
        let toMeters = { (c: Coordinate) in metric.project(c, origin: origin) }
        var shapes: [String: GEOSGeometryValue] = [:]
        for level in AdminLevel.allCases {
            var features = dataset.features(level)
            for i in features.indices {
                let label = "\(level.rawValue) \(features[i].unit.code)"
                guard let shape = checkedShape(&features[i], label: label, geos: geos, metric: metric,
                                               origin: origin, report: &report) else { continue }
                shapes["\(level.rawValue):\(features[i].unit.code)"] = shape
            }
            dataset.setFeatures(level, features)
        }
        for level in [AdminLevel.village, .grid] {
            checkNesting(level, dataset, shapes, geos: geos, toMeters: toMeters, &report)
        }
        return report
    }

    // MARK: Codes and hierarchy

    /// Spatial overrides of `platforms.json` must name villages and grids of the dataset.
    private func checkOverridePlaces(_ dataset: Dataset, _ report: inout ValidationReport) {
        guard let taxonomy = dataset.taxonomy else { return }
        let villages = Set(dataset.villages.map(\.unit.code)), grids = Set(dataset.grids.map(\.unit.code))
        for (i, route) in taxonomy.routes.enumerated() {
            for code in route.villages ?? [] where !villages.contains(code) {
                report.errors.append("platforms.json: routes[\(i)] (\(route.category)): village \(code) is not in the dataset")
            }
            for code in route.grids ?? [] where !grids.contains(code) {
                report.errors.append("platforms.json: routes[\(i)] (\(route.category)): grid \(code) is not in the dataset")
            }
        }
    }

    private func checkCodes(_ dataset: Dataset, _ report: inout ValidationReport) {
        let twelveDigits = /^\d{12}$/
        for level in AdminLevel.allCases {
            var seen: [String: Int] = [:]
            for f in dataset.features(level) {
                let code = f.unit.code, label = "\(level.rawValue) \(code)"
                if let first = seen[code] {
                    report.errors.append("\(label): duplicate code (features \(first) and \(f.index) of \(level.rawValue)s.geojson)")
                }
                seen[code] = seen[code] ?? f.index
                switch level {
                case .town:
                    if code.wholeMatch(of: twelveDigits) == nil || !code.hasSuffix("000") {
                        report.errors.append("\(label): a town code must be 12 digits ending in 000 (9-digit town code + 000)")
                    }
                case .village:
                    if code.wholeMatch(of: twelveDigits) == nil || code.hasSuffix("000") {
                        report.errors.append("\(label): a village code must be 12 digits (town's 9 digits + 3, not 000)")
                    } else if let town = f.unit.parentCode, code.prefix(9) != town.prefix(9) {
                        report.errors.append("\(label): code does not start with its town's 9 digits \(town.prefix(9))")
                    }
                case .grid:
                    let n = dataset.gridCodeSuffixDigits
                    if let village = f.unit.parentCode, !AdminUnit.isGridCode(code, ofVillage: village, suffixDigits: n) {
                        report.errors.append("\(label): a grid code must be its village's code \(village) followed by \(n) digits")
                    }
                }
                if let parent = f.unit.parentCode, let parentLevel = level.parent,
                   !dataset.features(parentLevel).contains(where: { $0.unit.code == parent }), storedParents[parent] == nil {
                    report.errors.append("\(label): parent \(parentLevel.rawValue) \(parent) does not exist (not in the dataset nor in the store)")
                }
            }
        }
    }

    // MARK: Geometry

    private func checkedShape(_ feature: inout DatasetFeature, label: String, geos: GEOSContext, metric: LocalMetric,
                              origin: Coordinate, report: inout ValidationReport) -> GEOSGeometryValue? {
        do {
            let shape = try geos.geometry(feature.geometry) { metric.project($0, origin: origin) }
            guard let reason = shape.invalidityReason else { return shape }
            guard repair else {
                report.errors.append("\(label): invalid geometry: \(describe(reason, metric: metric, origin: origin)) (use --repair to fix with MakeValid)")
                return nil
            }
            let repaired = try shape.makeValid()
            let polygons = repaired.polygons { metric.unproject($0, origin: origin) }
            guard !polygons.polygons.isEmpty else {
                report.errors.append("\(label): invalid geometry (\(reason)) and MakeValid leaves no area")
                return nil
            }
            let repairedShape = try geos.geometry(polygons) { metric.project($0, origin: origin) }
            report.repairs.append("\(label): repaired \(describe(reason, metric: metric, origin: origin)): area "
                + "\(rounded(shape.area)) m² → \(rounded(repairedShape.area)) m², "
                + "\(feature.geometry.polygons.count) → \(polygons.polygons.count) polygon(s)")
            feature.geometry = polygons
            return repairedShape
        } catch {
            report.errors.append("\(label): geometry rejected by GEOS: \(error)")
            return nil
        }
    }

    /// GEOS reasons carry the location in projected metres; turn it back into lon/lat.
    private func describe(_ reason: String, metric: LocalMetric, origin: Coordinate) -> String {
        guard let match = reason.firstMatch(of: /\[(-?[\d.e+-]+) (-?[\d.e+-]+)\]/),
              let x = Double(match.1), let y = Double(match.2) else { return reason }
        let c = metric.unproject(Coordinate(x, y), origin: origin)
        return reason.replacingCharacters(in: match.range, with: " at lon \(c.x) lat \(c.y)")
    }

    private func checkNesting(_ level: AdminLevel, _ dataset: Dataset, _ shapes: [String: GEOSGeometryValue],
                              geos: GEOSContext, toMeters: (Coordinate) -> Coordinate, _ report: inout ValidationReport) {
        guard let parentLevel = level.parent else { return }
        let children = Dictionary(grouping: dataset.features(level).filter { shapes[key(level, $0.unit.code)] != nil },
                                  by: { $0.unit.parentCode ?? "" })
        for (parentCode, siblings) in children.sorted(by: { $0.key < $1.key }) {
            let parentShape = shapes[key(parentLevel, parentCode)]
                ?? storedParents[parentCode].flatMap { try? geos.geometry($0.geometry, transform: toMeters) }
            do {
                try checkSiblings(level, siblings, shapes, &report)
                guard let parentShape else { continue }
                let tolerant = try parentShape.buffer(Self.containmentToleranceMeters)
                for child in siblings {
                    let shape = shapes[key(level, child.unit.code)]!
                    if !tolerant.covers(shape) {
                        let outside = try shape.difference(parentShape)
                        report.errors.append("\(level.rawValue) \(child.unit.code): extends up to "
                            + "\(rounded(outside.hausdorffDistance(parentShape))) m outside its \(parentLevel.rawValue) "
                            + "\(parentCode) (\(rounded(outside.area)) m² outside; tolerance \(Self.containmentToleranceMeters) m)")
                    }
                }
                if shapes[key(parentLevel, parentCode)] != nil {
                    let gap = try parentShape.difference(geos.union(siblings.map { shapes[key(level, $0.unit.code)]! })).area
                    if gap > Self.overlapToleranceSquareMeters {
                        report.warnings.append("\(parentLevel.rawValue) \(parentCode): \(rounded(gap)) m² not covered "
                            + "by any of its \(level.rawValue)s (gap)")
                    }
                }
            } catch {
                report.errors.append("\(parentLevel.rawValue) \(parentCode): geometry check failed: \(error)")
            }
        }
    }

    private func checkSiblings(_ level: AdminLevel, _ siblings: [DatasetFeature], _ shapes: [String: GEOSGeometryValue],
                               _ report: inout ValidationReport) throws {
        let boxes = siblings.map { $0.geometry.boundingBox }
        for i in siblings.indices {
            for j in (i + 1)..<siblings.count {
                guard let a = boxes[i], let b = boxes[j], a.intersects(b) else { continue }
                let overlap = try shapes[key(level, siblings[i].unit.code)]!
                    .intersection(shapes[key(level, siblings[j].unit.code)]!).area
                if overlap > Self.overlapToleranceSquareMeters {
                    report.errors.append("\(level.rawValue) \(siblings[i].unit.code): overlaps \(level.rawValue) "
                        + "\(siblings[j].unit.code) by \(rounded(overlap)) m² (tolerance \(Self.overlapToleranceSquareMeters) m²)")
                }
            }
        }
    }

    private func key(_ level: AdminLevel, _ code: String) -> String { "\(level.rawValue):\(code)" }
}

