import GridMapCore
import GridMapJSON
import Hummingbird

/// 考核: `GET /v1/assessments?period=2025|2025-Q4|2025-11&subject=grid|member|village|platform|office&town=CODE
/// [&format=json|csv|xlsx]` scores the town's subjects by its scheme in force, from the facts as stored
/// now; `POST /v1/assessments/adjustments {"town"?, "subject", "code", "period", "points", "reason"}`
/// (`approve`: leaders) records a 加减分 (201). `town` may be left out where the server holds one town.
struct AssessmentsController<Context: AccessRequestContext>: Sendable {
    let store: any GridMapRepository
    let served: ServedStateHolder
    let clock: ServerClock
    let heavyWork: HeavyWorkGate
    let patrolCache: PatrolFiguresCache

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/assessments") { request, context in try await heavyWork.run("an assessment") { try assess(request, context) } }
        routes.post("/v1/assessments/adjustments", needs: .approve, use: adjust)
    }

    /// Off the event loop: patrol figures may first compute the coverage of days not computed yet.
    private func assess(_ request: Request, _ context: Context) throws -> Response {
        let parameters = QueryParameters(request)
        let state = try served.current()
        let town = try state.town(parameters.text("town")).code
        let period = try Self.period(parameters.text("period"))
        let subject = try parameters.choice("subject", AssessmentSubject.self) ?? .grid
        let format = try parameters.choice("format", AnswerFormat.self) ?? .json
        let now = clock.now()
        let result = try store.assess(town: town, period: period, subject: subject, resolvers: state.boundaries.history,
                                      asOf: now, patrolCache: patrolCache)
        let masked = !context.viewer.seesPersonal(town: town, village: nil)
        if !masked && subject == .member { context.audit.disclosed("assessment/\(town)/member") }
        let file = "assessment-\(town)-\(period)-\(subject.rawValue)"
        guard format == .json else {
            return try .spreadsheet(SheetTable.workbook(of: result, masked: masked), xlsx: format == .xlsx, name: file)
        }
        var json = JSONWriter(capacity: 4096 + result.subjects.count * 2048)
        json.assessment(result, town: town, asOf: now, masked: masked)
        return json.response()
    }

    @Sendable func adjust(_ request: Request, context: Context) async throws -> Response {
        let body = try await JSONBody(request, maxBytes: 64 << 10)
        let town = try served.current().town(try body.optionalString("town")).code
        let subjectText = try body.requiredString("subject")
        guard let subject = AssessmentSubject(rawValue: subjectText) else {
            throw APIError.badRequest("invalid_field", "'subject' must be one of: "
                + AssessmentSubject.allCases.map(\.rawValue).joined(separator: ", ") + ", not '\(subjectText)'")
        }
        let stored = try store.adjustAssessment(
            town: town, subject: subject, code: try body.requiredString("code"), period: try Self.period(try body.requiredString("period")),
            points: try body.requiredNumber("points"), reason: try body.optionalString("reason") ?? "", actor: context.actor, at: clock.now())
        context.audit.record("adjustment_id", .number(Double(stored.id)))
        context.audit.record("subject", .string("\(stored.subject.rawValue):\(stored.code)"))
        context.audit.record("points", .number(stored.points))
        context.audit.record("period", .string(stored.period.description))
        var json = JSONWriter(capacity: 512)
        json.assessmentAdjustment(stored, masked: !context.viewer.seesPersonal(town: town, village: nil))
        return json.response(status: .created)
    }

    private static func period(_ text: String?) throws -> AssessmentPeriod {
        guard let text else { throw APIError.badRequest("missing_parameter", "'period' is required: a year (2025), a quarter (2025-Q4) or a month (2025-11)") }
        guard let period = AssessmentPeriod(text) else { throw APIError(AssessmentError.invalidPeriod(text)) }
        return period
    }
}
