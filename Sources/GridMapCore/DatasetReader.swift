import Foundation
import GridMapGeometry

/// Reads a dataset directory into a ``Dataset``, reporting every structural problem at once
/// (malformed files, missing or ill-typed properties, bad positions); geometric and hierarchical
/// checks are the ``DatasetValidator``'s.
public enum DatasetReader {
    /// `encoding` forces the encoding of the CSV files (see ``TextDecoding``).
    public static func read(directory: URL, gridCodeSuffixDigits: Int? = nil, encoding: TextEncoding? = nil) throws -> Dataset {
        var problems: [String] = []
        var encodings: [String: TextEncoding] = [:]
        /// A CSV file's text, or nil (and a problem) when it does not decode.
        func text(_ file: URL) throws -> String? {
            do {
                let decoded = try TextDecoding.decode(try Data(contentsOf: file), name: file.lastPathComponent, forcing: encoding)
                encodings[file.lastPathComponent] = decoded.encoding
                return decoded.text
            } catch let error as TextDecodingError {
                problems.append(error.detail)
                return nil
            }
        }
        let manifest = try readManifest(directory)
        var layers: [AdminLevel: [DatasetFeature]] = [:]
        for level in AdminLevel.allCases {
            let file = directory.appendingPathComponent("\(level.rawValue)s.geojson")
            guard FileManager.default.fileExists(atPath: file.path) else {
                if level != .town { problems.append("\(file.lastPathComponent): file is missing") }
                layers[level] = []
                continue
            }
            do {
                layers[level] = try features(level, from: Data(contentsOf: file), file: file.lastPathComponent, problems: &problems)
            } catch let error as GeoJSONError {
                problems.append("\(file.lastPathComponent): \(error.description)")
            }
        }
        var people: [Person]?
        let peopleFile = directory.appendingPathComponent("people.csv")
        if FileManager.default.fileExists(atPath: peopleFile.path) {
            people = try text(peopleFile).map { try PeopleCSV.read($0, problems: &problems) }
        }
        var taxonomy: Taxonomy?
        let platformsFile = directory.appendingPathComponent("platforms.json")
        if FileManager.default.fileExists(atPath: platformsFile.path) {
            do {
                taxonomy = try Taxonomy.read(Data(contentsOf: platformsFile))
            } catch let error as DatasetError {
                problems += error.problems
            }
        }
        var duty: [DutyDay]?
        let dutyFile = directory.appendingPathComponent("duty.csv")
        if FileManager.default.fileExists(atPath: dutyFile.path) {
            duty = try text(dutyFile).map { DutyCSV.read($0, problems: &problems) }
        }
        var assessment: AssessmentScheme?
        let assessmentFile = directory.appendingPathComponent("assessment.json")
        if FileManager.default.fileExists(atPath: assessmentFile.path) {
            do {
                assessment = try AssessmentScheme.read(Data(contentsOf: assessmentFile))
            } catch AssessmentError.invalidScheme(let schemeProblems) {
                problems += schemeProblems.map { "assessment.json: \($0)" }
            }
        }
        guard problems.isEmpty else { throw DatasetError(problems) }
        return Dataset(name: manifest?.name ?? directory.standardizedFileURL.lastPathComponent,
                       validFrom: manifest?.validFrom,
                       towns: layers[.town] ?? [], villages: layers[.village] ?? [], grids: layers[.grid] ?? [],
                       people: people, taxonomy: taxonomy, duty: duty, assessment: assessment,
                       gridCodeSuffixDigits: gridCodeSuffixDigits ?? manifest?.gridCodeSuffixDigits ?? 3,
                       textEncodings: encodings)
    }

    private static func readManifest(_ directory: URL) throws -> DatasetManifest? {
        let file = directory.appendingPathComponent("dataset.json")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            return try JSONDecoder().decode(DatasetManifest.self, from: Data(contentsOf: file))
        } catch {
            throw DatasetError(["dataset.json: \(error)"])
        }
    }

    private static func features(_ level: AdminLevel, from data: Data, file: String,
                                 problems: inout [String]) throws -> [DatasetFeature] {
        try GeoJSON.polygonFeatures(from: data).compactMap { feature in
            var missing: [String] = []
            let value = { (key: String) -> String? in
                guard let v = feature.properties[key], !v.isEmpty else { missing.append(key); return nil }
                return v
            }
            let code = value("code"), name = value("name")
            let parent = level.parentCodeProperty.flatMap(value)
            guard missing.isEmpty, let code, let name else {
                let which = code.map { " (code \($0))" } ?? ""
                problems.append("\(file): feature \(feature.index)\(which): missing property "
                    + missing.map { "'\($0)'" }.joined(separator: ", "))
                return nil
            }
            return DatasetFeature(unit: AdminUnit(level: level, code: code, name: name, parentCode: parent),
                                  geometry: feature.geometry, attributesJSON: feature.propertiesJSON,
                                  index: feature.index)
        }
    }
}

/// `people.csv`: header `role,name,phone,grid_code,village_code[,post]`; a 网格员 names a grid, a
/// 村干部 or 联村干部 a village; `post` is A (primary, default) or B (backup, AB岗).
enum PeopleCSV {
    static func read(_ text: String, problems: inout [String]) throws -> [Person] {
        let rows = CSV.rows(text)
        guard let header = rows.first else { return [] }
        let column = Dictionary(header.enumerated().map { ($1.trimmingCharacters(in: .whitespaces), $0) },
                                uniquingKeysWith: { a, _ in a })
        let required = ["role", "name", "phone", "grid_code", "village_code"]
        let absent = required.filter { column[$0] == nil }
        guard absent.isEmpty else {
            problems.append("people.csv: header lacks column(s) \(absent.joined(separator: ", "))")
            return []
        }
        var people: [Person] = []
        for (offset, row) in rows.enumerated().dropFirst() where !(row.count == 1 && row[0].isEmpty) {
            let line = offset + 1
            let field = { (key: String) -> String in
                let i = column[key]!
                return i < row.count ? row[i].trimmingCharacters(in: .whitespaces) : ""
            }
            guard let role = PersonRole(rawValue: field("role")) else {
                problems.append("people.csv line \(line): unknown role '\(field("role"))' (expected "
                    + PersonRole.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                continue
            }
            let unit = field(role.attachedTo == .grid ? "grid_code" : "village_code")
            if field("name").isEmpty || unit.isEmpty {
                problems.append("people.csv line \(line): a \(role.rawValue) needs a name and a \(role.attachedTo.rawValue)_code")
                continue
            }
            let postText = column["post"] == nil ? "" : field("post")
            guard let post = postText.isEmpty ? .a : Post(rawValue: postText.uppercased()) else {
                problems.append("people.csv line \(line): post must be A or B, not '\(postText)'")
                continue
            }
            people.append(Person(role: role, name: field("name"), phone: field("phone"), unitCode: unit, post: post))
        }
        return people
    }
}

/// Minimal RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF line ends.
public enum CSV {
    public static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let c = pending {
            pending = iterator.next()
            if quoted {
                if c == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r": break
            case "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
