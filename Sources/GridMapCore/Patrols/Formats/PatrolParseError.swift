/// Why a patrol file was refused: the first bad record fails the whole file, and `detail` says
/// what is wrong and where (`line 12`, `feature 3`, `trkpt 7 (line 40)`; lines count from 1,
/// features and track points from 0 as in the file's arrays).
public struct PatrolParseError: CodedError, Sendable, Equatable {
    public enum Code: String, Sendable, CaseIterable {
        case malformedGPX = "malformed_gpx"
        case malformedCSV = "malformed_csv"
        case malformedJSON = "malformed_json"
        case missingMember = "missing_member"
        case invalidMember = "invalid_member"
        case missingTime = "missing_time"
        case invalidTime = "invalid_time"
        case invalidCoordinate = "invalid_coordinate"
        case latLonSwapped = "lat_lon_swapped"
        case invalidAccuracy = "invalid_accuracy"
        case unknownCRS = "unknown_crs"
        case unknownFormat = "unknown_format"
        case noFixes = "no_fixes"
        case undecodableText = "undecodable_text"
    }

    public var code: Code
    public var detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code.rawValue): \(detail)" }
    public var errorCode: String { code.rawValue }
    public var failureKind: FailureKind { .invalidInput }
}
