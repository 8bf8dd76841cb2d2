import Foundation
import GRDB
import GridMapCore
import GridMapGeometry
import GridMapServer
@testable import GridMapSpatiaLite
import GridMapTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The outbox delivered to hooks over real HTTP on loopback: signatures checked by Python's
/// `hmac`, delivery ids and order against the outbox rows SpatiaLite holds, retries after 500s,
/// dead letters and re-sends, receivers that are slow or down, the 企业微信 and SMS channels,
/// and registration's refusals.
@Suite struct HooksAPITests {
    let store: SpatiaLiteStore
    static let secret = "s3cret-of-the-county-hook"

    init() throws { store = try Fixtures.store(with: ["dagangtou", "ganpu"]) }

    static func event(_ n: Int) -> String {
        #"{"category":"dispute.labour","description":"欠薪 \#(n)","lon":119.72,"lat":28.27,"source":"hotline_12345","reporter":"张三 13900001111"}"#
    }

    static func hook(_ url: String, events: String = #"["*"]"#, extra: String = "") -> String {
        #"{"url":"\#(url)","secret":"\#(secret)","events":\#(events)\#(extra)}"#
    }

    @Test func deliveriesAreSignedInOutboxOrderToTheHooksThatAskedForThem() async throws {
        let ganpu = try #require(try store.snapshot().towns.map(\.unit.code).first { $0 != "331102102000" })
        let receiver = LoopbackReceiver(), elsewhere = LoopbackReceiver()
        try await receiver.serve { url in
            try await elsewhere.serve { otherURL in
                try await LiveServer.run(store, role: .admin, bytes: { ByteBuffer(string: $0) }) { send in
                    let (status, hook) = try await send(.post, "/v1/hooks", Self.hook(url, events: #"["event.created"]"#))
                    #expect(status == .created && hook["events"] == .array([.string("event.created")]) && hook["secret"] == nil)
                    let (other, _) = try await send(.post, "/v1/hooks", Self.hook(otherURL, extra: #","town":"\#(ganpu)""#))
                    #expect(other == .created)
                    for n in 1...5 {
                        #expect(try await send(.post, "/v1/events", Self.event(n)).0 == .created)
                    }
                    let received = try await receiver.wait { $0.count >= 5 }
                    let outbox = try store.syncRead { db in try Int64.fetchAll(db, sql: "SELECT id FROM outbox WHERE topic = 'event.created' ORDER BY id") }
                    #expect(received.compactMap(\.delivery) == outbox)
                    for delivery in received {
                        #expect(delivery.event == "event.created")
                        let expected = try ExternalTool.run("/usr/bin/python3", ["-c", Self.hmacScript, Self.secret], input: Array(delivery.body))
                        #expect(delivery.signature == "sha256=" + String(decoding: expected, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                        let json = try #require(delivery.json)
                        #expect(json["id"]?.number.map { Int64($0) } == delivery.delivery && json["type"] == .string("event.created"))
                        // A receiver is no person signed in: the reporter is masked; the grid member to tell is named in full.
                        #expect(json["event"]?["reporter"]?.string?.contains("13900001111") == false)
                        let eventID = try #require(json["event_id"]?.number)
                        let member = try store.syncRead { db in
                            try Row.fetchOne(db, sql: """
                                SELECT p.name, p.phone FROM people p JOIN events e ON e.grid_code = p.grid_code
                                WHERE e.id = ? AND p.role = '网格员' AND p.absent = 0 ORDER BY p.post LIMIT 1
                                """, arguments: [Int64(eventID)])
                        }
                        let recipients = json["notify"]?["recipients"]?.array ?? []
                        #expect(recipients.contains { $0["name"]?.string == member?[0] && $0["phone"]?.string == member?[1] })
                    }
                    // The other hook is for another town: nothing for it, its cursor moved past all the same.
                    try await Task.sleep(for: .milliseconds(200))
                    #expect(await elsewhere.received.isEmpty)
                    let (_, hooks) = try await send(.get, "/v1/hooks", nil)
                    #expect(hooks["hooks"]?.array?.map { $0["lag"]?.number } == [0, 0])
                }
            }
        }
    }

    @Test func aFailedDeliveryIsRetriedThenDeadLetteredAndResentByHand() async throws {
        let receiver = LoopbackReceiver(script: [.internalServerError, .internalServerError, .ok])
        try await receiver.serve { url in
            try await LiveServer.run(store, role: .admin, bytes: { ByteBuffer(string: $0) }) { send in
                let (_, hook) = try await send(.post, "/v1/hooks", Self.hook(url, events: #"["event.created"]"#))
                let id = try #require(hook["id"]?.number).formatted(.number.grouping(.never))
                _ = try await send(.post, "/v1/events", Self.event(1))
                let first = try await receiver.wait { $0.count >= 3 }
                #expect(first.count == 3 && Set(first.map(\.delivery)).count == 1)

                await receiver.answer(with: [.internalServerError])
                _ = try await send(.post, "/v1/events", Self.event(2))
                _ = try await receiver.wait { $0.count >= 6 }
                var letters: JSONValue = .null
                for _ in 0..<100 {
                    letters = try await send(.get, "/v1/hooks/\(id)/deliveries", nil).1
                    if letters["deliveries"]?.array?.isEmpty == false { break }
                    try await Task.sleep(for: .milliseconds(20))
                }
                let letter = try #require(letters["deliveries"]?.array?.first)
                let lastID = try store.lastOutboxID()
                #expect(letter["outbox_id"]?.number == Double(lastID) && letter["state"] == .string("dead"))
                #expect(letter["attempts"] == .number(3) && letter["last_error"] == .string("HTTP 500"))
                #expect(await receiver.received.count == 6)

                await receiver.answer(with: [.ok])
                let (resent, again) = try await send(.post, "/v1/hooks/\(id)/deliveries/\(lastID)/resend", nil)
                #expect(resent == .accepted && again["state"] == .string("resending"))
                let all = try await receiver.wait { $0.count >= 7 }
                #expect(all.last?.delivery == lastID)
                var state: JSONValue?
                for _ in 0..<100 {
                    state = try await send(.get, "/v1/hooks/\(id)/deliveries", nil).1["deliveries"]?.array?.first
                    if state?["state"] == .string("delivered") { break }
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(state?["state"] == .string("delivered") && state?["attempts"] == .number(4))
                #expect(try await send(.post, "/v1/hooks/\(id)/deliveries/1/resend", nil).0 == .notFound)
            }
        }
    }

    @Test func slowAndDownReceiversHoldUpOnlyThemselves() async throws {
        let healthy = LoopbackReceiver(), slow = LoopbackReceiver(pause: .seconds(2))
        let settings = HookSettings(retry: RetryPolicy(attempts: 2, firstDelay: .milliseconds(100)), timeout: .milliseconds(300),
                                    poll: .milliseconds(20), discovery: .milliseconds(50))
        try await healthy.serve { url in
            try await slow.serve { slowURL in
                try await LiveServer.run(store, role: .admin, hooks: settings, bytes: { ByteBuffer(string: $0) }) { send in
                    // Port 9 (discard) has no listener on loopback: the connection is refused.
                    for target in [slowURL, "http://127.0.0.1:9/hook", url] {
                        #expect(try await send(.post, "/v1/hooks", Self.hook(target)).0 == .created)
                    }
                    try await Task.sleep(for: .milliseconds(150))
                    let started = ContinuousClock.now
                    #expect(try await send(.post, "/v1/events", Self.event(1)).0 == .created)
                    #expect(try await send(.post, "/v1/events", Self.event(2)).0 == .created)
                    let received = try await healthy.wait(seconds: 1) { $0.count >= 2 }
                    #expect(received.count == 2)
                    #expect(ContinuousClock.now - started < .seconds(1))
                    // Both others dead-letter the first event (two tries each) and go on to the second.
                    for hook in [1, 2] {
                        var letters: [JSONValue] = []
                        for _ in 0..<200 where letters.count < 2 {
                            letters = try await send(.get, "/v1/hooks/\(hook)/deliveries", nil).1["deliveries"]?.array ?? []
                            try await Task.sleep(for: .milliseconds(20))
                        }
                        #expect(letters.count == 2 && letters.allSatisfy { $0["attempts"] == .number(2) })
                    }
                }
            }
        }
    }

    @Test func theWecomAndSMSChannelsTellThePeopleOnDuty() async throws {
        let wecom = LoopbackReceiver(), sms = LoopbackReceiver()
        try await wecom.serve { wecomURL in
            try await sms.serve { smsURL in
                try await LiveServer.run(store, role: .admin, bytes: { ByteBuffer(string: $0) }) { send in
                    #expect(try await send(.post, "/v1/hooks", Self.hook(wecomURL, extra: #","channel":"wecom""#)).0 == .created)
                    let template = #"{\"mobile\":\"{phone}\",\"content\":\"{text}\"}"#
                    let (status, _) = try await send(.post, "/v1/hooks", Self.hook(smsURL, extra: #","channel":"sms","template":"\#(template)""#))
                    #expect(status == .created)
                    let (_, event) = try await send(.post, "/v1/events", Self.event(1))
                    let id = try #require(event["id"]?.number)
                    let phones = try store.syncRead { db in
                        try String.fetchAll(db, sql: """
                            SELECT p.phone FROM people p JOIN events e ON e.grid_code = p.grid_code
                            WHERE e.id = ? AND p.role = '网格员' AND p.absent = 0 ORDER BY p.post LIMIT 1
                            """, arguments: [Int64(id)])
                    }
                    #expect(phones.count == 1)
                    let texts = try await sms.wait { $0.count >= phones.count }
                    #expect(texts.compactMap { $0.json?["mobile"]?.string } == phones)
                    #expect(texts.first?.json?["content"]?.string?.contains("#\(Int(id))") == true)
                    let group = try await wecom.wait { !$0.isEmpty }
                    let message = try #require(group.first?.json)
                    #expect(message["msgtype"] == .string("markdown"))
                    #expect(message["markdown"]?["content"]?.string?.contains(phones[0]) == true)
                    // Triage tells nobody: neither channel sends anything for it.
                    let (triaged, _) = try await send(.post, "/v1/events/\(Int(id))/transitions", #"{"to":"triaged"}"#)
                    #expect(triaged == .ok)
                    try await Task.sleep(for: .milliseconds(300))
                    let (groupCount, textCount) = (await wecom.received.count, await sms.received.count)
                    #expect(groupCount == 1 && textCount == phones.count)
                }
            }
        }
    }

    @Test func registrationRefusesWhatCannotWork() async throws {
        let dispatcher = try store.createToken(name: "值班员", role: .dispatcher, by: .test).token
        try await LiveServer.run(store, role: .admin, bytes: { ByteBuffer(string: $0) }) { send in
            let url = "http://127.0.0.1:1/hook"
            let refused: [(String, String)] = [
                (Self.hook("ftp://example.org/x"), "invalid_field"),
                (Self.hook("not a url"), "invalid_field"),
                (#"{"url":"\#(url)","secret":"short","events":["*"]}"#, "invalid_field"),
                (Self.hook(url, events: "[]"), "invalid_field"),
                (Self.hook(url, events: #"["event.exploded"]"#), "unknown_topic"),
                (Self.hook(url, extra: #","town":"999999999999""#), "unknown_town"),
                (Self.hook(url, extra: #","channel":"sms""#), "invalid_field"),
                (Self.hook(url, extra: #","channel":"sms","template":"{text}""#), "invalid_field"),
                (Self.hook(url, extra: #","channel":"fax""#), "invalid_field"),
                (#"{"url":"\#(url)","secret":"\#(Self.secret)"}"#, "missing_field"),
                ("{not json", "malformed_body"),
            ]
            for (body, code) in refused {
                let (status, answer) = try await send(.post, "/v1/hooks", body)
                #expect(status == .badRequest && answer["error"] == .string(code), "\(body)")
            }
            #expect(try await send(.post, "/v1/hooks", Self.hook(url), token: dispatcher).0 == .forbidden)
            #expect(try store.hooks().isEmpty)
            #expect(try await send(.post, "/v1/hooks", Self.hook(url)).0 == .created)
            #expect(try await send(.get, "/v1/hooks/7/deliveries", nil).0 == .notFound)
            for expected in [HTTPResponse.Status.noContent, .notFound] {
                let status = try await send.client.execute(uri: "/v1/hooks/1", method: .delete, headers: LiveServer.Call<String>.authorization(send.token)) { $0.status }
                #expect(status == expected)
            }
        }
    }

    static let hmacScript = "import hmac, hashlib, sys; print(hmac.new(sys.argv[1].encode(), sys.stdin.buffer.read(), hashlib.sha256).hexdigest())"
}
