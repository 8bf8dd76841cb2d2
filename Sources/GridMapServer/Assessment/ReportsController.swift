import GridMapCore
import Hummingbird

/// 月报: `GET /v1/reports/monthly?town=CODE&month=2025-11[&format=html|xlsx]`, a town's month as a
/// printable page in Chinese (default) or a workbook (汇总, 分平台, 分部门, 分村社, and a 考核 sheet
/// per subject of the town's scheme). Members' names are masked as in `GET /v1/assessments`.
struct ReportsController<Context: AccessRequestContext>: Sendable {
    let store: any GridMapRepository
    let served: ServedStateHolder
    let clock: ServerClock
    let heavyWork: HeavyWorkGate
    let patrolCache: PatrolFiguresCache

    func addRoutes(to routes: RouteTable<Context>) {
        routes.get("/v1/reports/monthly") { request, context in try await heavyWork.run("a monthly report") { try monthly(request, context) } }
    }

    private func monthly(_ request: Request, _ context: Context) throws -> Response {
        let parameters = QueryParameters(request)
        let state = try served.current()
        let town = try state.town(parameters.text("town"))
        guard let text = parameters.text("month") else { throw APIError.badRequest("missing_parameter", "'month' is required, e.g. 2025-11") }
        guard text.count == 7, !text.contains("Q"), let month = AssessmentPeriod(text) else {
            throw APIError.badRequest("invalid_parameter", "'month' must be a month, YYYY-MM (e.g. 2025-11), not '\(text)'")
        }
        let format = parameters.text("format") ?? "html"
        guard format == "html" || format == "xlsx" else {
            throw APIError.badRequest("invalid_parameter", "'format' must be html or xlsx, not '\(format)'")
        }
        let report = try store.monthlyReport(town: town, month: month, facts: try state.events.facts(), snapshot: state.boundaries.snapshot,
                                             resolvers: state.boundaries.history, asOf: clock.now(), patrolCache: patrolCache)
        let masked = !context.viewer.seesPersonal(town: town.code, village: nil)
        if format == "xlsx" {
            return try .spreadsheet(report.sheets(maskNames: masked), xlsx: true, name: "report-\(town.code)-\(month)")
        }
        let page = report.html(maskNames: masked)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }
}
