/// What the command room assesses (考核对象): grids, their members (网格员), villages, the
/// platforms and the offices (属地考评 of the stationed agencies too).
public enum AssessmentSubject: String, CaseIterable, Codable, Sendable {
    case grid
    /// A grid's member at post A or B (AB岗), named `GRIDCODE/A`: the post is assessed, with the
    /// person who holds it now.
    case member
    case village
    case platform
    case office

    /// As screens and spreadsheets name it.
    public var name: String {
        switch self {
        case .grid: "网格"
        case .member: "网格员"
        case .village: "村（社区）"
        case .platform: "平台"
        case .office: "部门"
        }
    }
}
