extension AdminSnapshot {
    /// The names of a statistics dimension's keys: units' names, platforms' and categories' names
    /// of the towns' models (a key without one keeps its code).
    public func names(of dimension: StatsDimension) -> [String: String] {
        let pairs: [(String, String)]
        switch dimension {
        case .grid: pairs = boundaries(.grid).map { ($0.unit.code, $0.unit.name) }
        case .village: pairs = boundaries(.village).map { ($0.unit.code, $0.unit.name) }
        case .town: pairs = boundaries(.town).map { ($0.unit.code, $0.unit.name) }
        case .platform: pairs = taxonomies.values.flatMap { $0.platforms.map { ($0.code, $0.name) } }
        case .category: pairs = taxonomies.values.flatMap { $0.categories.map { ($0.code, $0.name) } }
        }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    /// What a dimension's unit is called in a header row.
    public static func header(of dimension: StatsDimension) -> String {
        switch dimension {
        case .grid: "网格"
        case .village: "村（社区）"
        case .town: "镇（街道）"
        case .platform: "平台"
        case .category: "事件类别"
        }
    }
}
