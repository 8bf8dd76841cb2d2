import Foundation
import GridMapCore
import GridMapGeometry
import Testing

/// The hand-written ISO 8601 parser and formatter against Foundation's formatter.
@Suite struct TimestampTests {
    /// The stored spelling of what `text` reads as.
    func iso(_ text: String, zone: UTCOffset? = nil) -> String? { Instant(parsing: text, zone: zone)?.iso }

    @Test func formatAndParseAgreeWithFoundation() throws {
        let foundation = ISO8601DateFormatter()
        foundation.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var random = SplitMix64(seed: 8)
        for _ in 0..<2_000 {
            let ms = Int64(random.unit() * 6_000_000_000_000) - 1_000_000_000_000  // 1938 … 2160
            let date = Date(timeIntervalSince1970: TimeInterval(ms) / 1000)
            let text = Timestamp.format(milliseconds: ms)
            #expect(text == foundation.string(from: date), "\(ms)")
            #expect(Timestamp.parseMilliseconds(text) == ms)
            #expect(Instant(date) == Instant(milliseconds: ms) && Instant(milliseconds: ms).date == date)
        }
    }

    @Test func offsetsDatesAndBadInput() {
        #expect(iso("2026-03-01T08:00:00+08:00") == "2026-03-01T00:00:00.000Z")
        #expect(iso("2026-03-01T08:00+0800") == "2026-03-01T00:00:00.000Z")
        #expect(iso("2024-02-29") == "2024-02-29T00:00:00.000Z")
        #expect(iso("2025-12-31T23:59:59.9999Z") == "2025-12-31T23:59:59.999Z")
        #expect(iso("2026-01-01T00:30:00-01:00") == "2026-01-01T01:30:00.000Z")
        #expect(Instant(parsing: "1970-01-01T00:00:00.000Z")?.milliseconds == 0)
        #expect(Instant(parsing: "1969-12-31T23:59:59.500Z")?.milliseconds == -500)
        for bad in ["", "2025-02-29", "2025-13-01", "2025-01-01T24:00Z", "2025-01-01T10:00:00", "yesterday",
                    "2025-01-01T10:00:00Z junk", "2025-1-01"] {
            #expect(Instant(parsing: bad) == nil, "\(bad)")
        }
    }
}

