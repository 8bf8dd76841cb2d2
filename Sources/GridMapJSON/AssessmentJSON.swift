import GridMapCore

extension JSONWriter {
    /// `GET /v1/assessments`: the period, the scheme's name and every subject ranked, each with its
    /// indicators (value, what it was computed from, band, score, weight, definition) and
    /// adjustments. Masked: a member's name, and the adjustments' actors and reasons.
    public mutating func assessment(_ result: AssessmentResult, town: String, asOf: Instant, masked: Bool) {
        object { json in
            json.key("town"); json.string(town)
            json.key("period"); json.string(result.period.description)
            json.key("period_name"); json.string(result.period.name)
            json.key("from"); json.instant(result.period.from)
            json.key("to"); json.instant(result.period.to)
            json.key("as_of"); json.instant(asOf)
            json.key("subject"); json.string(result.subject.rawValue)
            json.key("subject_name"); json.string(result.subject.name)
            json.key("scheme"); json.string(result.scheme.name)
            json.key("adjustment_bounds")
            json.object { json in
                let bounds = result.scheme.scheme(for: result.subject)?.adjustments
                json.key("min"); json.optionalNumber(bounds?.min)
                json.key("max"); json.optionalNumber(bounds?.max)
            }
            json.key("subjects")
            json.array(result.subjects) { json, subject in json.assessed(subject, of: result.subject, masked: masked) }
        }
    }

    private mutating func assessed(_ s: AssessmentResult.Subject, of kind: AssessmentSubject, masked: Bool) {
        object { json in
            json.key("code"); json.string(s.unit.code)
            json.key("name"); json.string(kind == .member && masked ? PersonalMask.name(s.unit.name) : s.unit.name)
            if kind == .member { json.key("grid"); json.optionalString(s.unit.grid) }
            json.key("rank"); json.number(s.rank)
            json.key("score"); json.number(s.score)
            json.key("adjustment"); json.number(s.adjustment)
            json.key("indicators")
            json.array(s.lines) { json, line in json.assessmentLine(line) }
            json.key("adjustments")
            json.array(s.adjustments) { json, a in json.assessmentAdjustment(a, masked: masked) }
        }
    }

    private mutating func assessmentLine(_ line: AssessmentResult.Line) {
        object { json in
            json.key("code"); json.string(line.indicator.rawValue)
            json.key("name"); json.string(line.indicator.name)
            json.key("value"); json.optionalNumber(line.value.value)
            json.key("numerator"); json.optionalNumber(line.value.numerator)
            json.key("denominator"); json.optionalNumber(line.value.denominator)
            json.key("band"); json.optionalString(line.band?.label)
            json.key("score"); json.number(line.score)
            json.key("weight"); json.number(line.weight)
            json.key("weighted"); json.number((line.weighted * 100).rounded() / 100)
            json.key("definition"); json.string(line.indicator.definition)
        }
    }

    /// One 加减分 as stored; masked, its actor's name is masked and its reason (which may name people) null.
    public mutating func assessmentAdjustment(_ a: AssessmentAdjustment, masked: Bool) {
        object { json in
            json.key("id"); json.number(Int(a.id))
            json.key("subject"); json.string(a.subject.rawValue)
            json.key("code"); json.string(a.code)
            json.key("period"); json.string(a.period.description)
            json.key("points"); json.number(a.points)
            json.key("reason"); json.optionalString(masked ? nil : a.reason)
            json.key("actor"); json.string(masked ? PersonalMask.name(a.actor) : a.actor)
            json.key("at"); json.instant(a.at)
        }
    }
}
