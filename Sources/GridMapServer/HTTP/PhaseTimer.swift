import Dispatch

/// Wall-clock milliseconds of consecutive phases of a request, for debug logs.
struct PhaseTimer {
    private var last = DispatchTime.now().uptimeNanoseconds
    private var phases: [(String, Double)] = []

    /// Ends the current phase, naming it.
    mutating func end(_ phase: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((phase, Double(now - last) / 1e6))
        last = now
    }

    /// "receive=12.3 parse=80.1 …"
    var summary: String {
        phases.map { "\($0.0)=\(($0.1 * 10).rounded() / 10)" }.joined(separator: " ")
    }
}
