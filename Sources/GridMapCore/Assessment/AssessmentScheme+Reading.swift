import Foundation

extension AssessmentScheme {
    /// Reads and checks `assessment.json`; ``AssessmentError/invalidScheme(_:)`` names every
    /// problem by its item (`subjects[0].indicators[2].bands[1]`).
    public static func read(_ data: Data) throws -> AssessmentScheme {
        let scheme: AssessmentScheme
        do {
            scheme = try JSONDecoder().decode(AssessmentScheme.self, from: data)
        } catch let error as DecodingError {
            throw AssessmentError.invalidScheme([Self.describe(error)])
        }
        let problems = scheme.problems
        guard problems.isEmpty else { throw AssessmentError.invalidScheme(problems) }
        return scheme
    }

    /// What breaks the rules: weights of each subject adding up to 100, bands from 0 to 100
    /// ending with one that holds for every value, indicators the subject can have.
    public var problems: [String] {
        var problems: [String] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("name: must not be empty") }
        if subjects.isEmpty { problems.append("subjects: at least one is needed") }
        var seen = Set<AssessmentSubject>()
        for (index, part) in subjects.enumerated() {
            let item = "subjects[\(index)] (\(part.subject.rawValue))"
            if !seen.insert(part.subject).inserted { problems.append("\(item): the subject appears twice") }
            problems += part.problems.map { "\(item).\($0)" }
        }
        return problems
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(top level)" : text)
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): '\(key.stringValue)' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            if context.codingPath.last?.stringValue == "code" || context.codingPath.last?.stringValue == "subject" {
                return "\(path(context)): unknown code; known: " + (context.codingPath.last?.stringValue == "code"
                    ? AssessmentIndicator.allCases.map(\.rawValue) : AssessmentSubject.allCases.map(\.rawValue)).joined(separator: ", ")
            }
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

extension SubjectScheme {
    var problems: [String] {
        var problems: [String] = []
        if indicators.isEmpty { problems.append("indicators: at least one is needed") }
        var seen = Set<AssessmentIndicator>()
        for (index, indicator) in indicators.enumerated() {
            let item = "indicators[\(index)] (\(indicator.code.rawValue))"
            if !seen.insert(indicator.code).inserted { problems.append("\(item): the indicator appears twice") }
            if !indicator.code.subjects.contains(subject) {
                problems.append("\(item): not computed for \(subject.rawValue); it is for "
                    + AssessmentSubject.allCases.filter(indicator.code.subjects.contains).map(\.rawValue).joined(separator: ", "))
            }
            problems += indicator.problems.map { "\(item).\($0)" }
        }
        let total = indicators.reduce(0) { $0 + $1.weight }
        if !indicators.isEmpty, abs(total - 100) > 1e-9 { problems.append("indicators: the weights add up to \(ScoreBand.number(total)), not 100") }
        if !adjustments.min.isFinite || !adjustments.max.isFinite || adjustments.min > 0 || adjustments.max < 0 {
            problems.append("adjustments: min must be ≤ 0 and max ≥ 0")
        }
        return problems
    }
}

extension WeightedIndicator {
    var problems: [String] {
        var problems: [String] = []
        if !weight.isFinite || weight <= 0 { problems.append("weight: must be a positive number") }
        if !(0...100).contains(noDataScore) { problems.append("no_data_score: must be from 0 to 100") }
        if bands.isEmpty { problems.append("bands: at least one is needed") }
        for (index, band) in bands.enumerated() {
            if !(0...100).contains(band.score) { problems.append("bands[\(index)].score: must be from 0 to 100") }
            if band.min.map({ !$0.isFinite }) ?? false || band.max.map({ !$0.isFinite }) ?? false {
                problems.append("bands[\(index)]: min and max must be finite numbers")
            } else if let low = band.min, let high = band.max, low > high {
                problems.append("bands[\(index)]: min is above max")
            }
        }
        if let last = bands.last, last.min != nil || last.max != nil {
            problems.append("bands[\(bands.count - 1)]: the last band must have neither min nor max (it scores every other value)")
        }
        return problems
    }
}
