import GridMapCore
import GridMapGeometry
import Testing

/// 保密管理's masks, sign-in lockout and scopes, hand-computed.
@Suite struct PersonalDataTests {
    @Test func masksKeepWhatTheRuleKeeps() {
        #expect(PersonalMask.phone("13912342342") == "139****2342")
        #expect(PersonalMask.phone("139-1234-2342") == "139****2342")
        #expect(PersonalMask.phone("0578-5123456") == "*******3456")
        #expect(PersonalMask.phone("110") == "***")
        #expect(PersonalMask.name("徐明") == "徐*")
        #expect(PersonalMask.name("欧阳明") == "欧**")
        #expect(PersonalMask.name("张") == "张*", "a one-character name is not shown whole")
        #expect(PersonalMask.name("13912342342") == "***********", "a number in a name field is masked whole")
        #expect(PersonalMask.contact("13912342342") == "139****2342")
        #expect(PersonalMask.contact("浙里办用户") == "浙****")
        #expect(PersonalMask.contact("市民 13912342342") == "139****2342")
    }

    @Test func failuresBeyondTheFreeOnesLockForDoublingTimes() {
        let policy = SignInPolicy(freeFailures: 5, firstLock: .seconds(60), longestLock: .seconds(3600))
        let now: Instant = Instant(milliseconds: 1_700_000_000_000)
        #expect((0...5).allSatisfy { policy.lockedUntil(failures: $0, at: now) == nil })
        let seconds = (6...13).map { (policy.lockedUntil(failures: $0, at: now)!.milliseconds - now.milliseconds) / 1000 }
        #expect(seconds == [60, 120, 240, 480, 960, 1920, 3600, 3600])
        #expect(policy.lockedUntil(failures: 10_000, at: now)!.milliseconds - now.milliseconds == 3_600_000)
    }

    @Test func scopesCoverTheirTownOrVillageOnly() {
        #expect(AccessScope.everywhere.covers(town: nil, village: nil))
        #expect(AccessScope.town("A").covers(town: "A", village: "A1"))
        #expect(!AccessScope.town("A").covers(town: "B", village: "B1"))
        #expect(!AccessScope.town("A").covers(town: nil, village: nil), "placed nowhere: only the unscoped")
        #expect(AccessScope.village("A1").covers(town: "A", village: "A1"))
        #expect(!AccessScope.village("A1").covers(town: "A", village: "A2"))
        let viewer = Viewer(scope: .town("A"), seesPersonal: true)
        #expect(viewer.seesPersonal(town: "A", village: nil) && !viewer.seesPersonal(town: "B", village: nil))
        #expect(!Viewer.anonymous.seesPersonal(town: "A", village: nil))
        #expect(Viewer(Principal(tokenID: 1, name: "x", role: .gis)).seesPersonal == false)
        #expect(Viewer(Principal(tokenID: 1, name: "x", role: .leader, scope: .town("A"))) == Viewer(scope: .town("A"), seesPersonal: true, role: .leader))
        #expect(Viewer(Principal(tokenID: 1, name: "x", role: .leader)).may(.approve) && !Viewer.anonymous.may(.read))
    }

    @Test func aPasswordHasAMinimumLengthAndIsCheckedByBcrypt() throws {
        #expect(throws: AccountError.passwordTooShort(minimum: 10)) { try Password.hash("short") }
        let hash = try Password.hash("long enough password", cost: 4)
        #expect(hash.hasPrefix("$2b$04$") || hash.hasPrefix("$2a$04$") || hash.hasPrefix("$2y$04$"), "\(hash)")
        #expect(Password.matches("long enough password", hash: hash))
        #expect(!Password.matches("long enough passwore", hash: hash))
    }
}
