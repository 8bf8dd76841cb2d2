import Foundation
import GridMapGeometry

/// One feature of a dataset: a unit, its boundary, and its properties kept as attributes.
public struct DatasetFeature: Sendable {
    public var unit: AdminUnit
    public var geometry: MultiPolygon
    /// All GeoJSON properties as a JSON object text.
    public var attributesJSON: String
    /// Position in its GeoJSON file, for messages.
    public var index: Int
}

/// A dataset directory's content: `towns.geojson`, `villages.geojson`, `grids.geojson`, and the
/// optional `people.csv`, `platforms.json` (the towns' platform model), `duty.csv`, `assessment.json`
/// (the towns' 考核办法) and `dataset.json`
/// (manifest). Codes are the identity of features.
public struct Dataset: Sendable {
    /// The dataset's name (manifest `name`, else the directory's name): re-importing a dataset of
    /// the same name replaces its features.
    public var name: String
    /// Manifest `valid_from` (ISO 8601): when boundaries first loaded from this dataset took effect.
    public var validFrom: String?
    public var towns: [DatasetFeature]
    public var villages: [DatasetFeature]
    public var grids: [DatasetFeature]
    /// Nil when the directory has no `people.csv` (stored people are then left alone).
    public var people: [Person]?
    /// Nil when the directory has no `platforms.json` (stored taxonomies are then left alone);
    /// otherwise the platform model of every town in the dataset.
    public var taxonomy: Taxonomy?
    /// Nil when the directory has no `duty.csv`; otherwise the towns' duty roster.
    public var duty: [DutyDay]?
    /// Nil when the directory has no `assessment.json` (stored schemes are then left alone);
    /// otherwise the assessment scheme of every town in the dataset.
    public var assessment: AssessmentScheme?
    /// Digits a grid code adds to its village's code (manifest `grid_code_suffix_digits`, default 3).
    public var gridCodeSuffixDigits: Int
    /// The encoding each CSV file of the directory was read in (`people.csv`: GB18030).
    public var textEncodings: [String: TextEncoding] = [:]

    public func features(_ level: AdminLevel) -> [DatasetFeature] {
        switch level {
        case .town: towns
        case .village: villages
        case .grid: grids
        }
    }

    public mutating func setFeatures(_ level: AdminLevel, _ features: [DatasetFeature]) {
        switch level {
        case .town: towns = features
        case .village: villages = features
        case .grid: grids = features
        }
    }
}

/// The optional `dataset.json` of a dataset directory.
struct DatasetManifest: Decodable {
    var name: String?
    var validFrom: String?
    var gridCodeSuffixDigits: Int?

    enum CodingKeys: String, CodingKey {
        case name
        case validFrom = "valid_from"
        case gridCodeSuffixDigits = "grid_code_suffix_digits"
    }
}

/// Problems that stop an import, each naming the file and feature.
public struct DatasetError: CodedError, Sendable {
    public var problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
    public var description: String { problems.joined(separator: "\n") }
    public var errorCode: String { "invalid_dataset" }
    public var failureKind: FailureKind { .invalidInput }
}
