import GridMapCore
import Testing

/// The roles' permissions, as the issues state them.
@Suite struct AccessRoleTests {
    @Test func eachRoleMayWhatItsWorkNeeds() {
        let may = { (role: AccessRole) in Set(Permission.allCases.filter(role.may)) }
        #expect(may(.admin) == Set(Permission.allCases))
        #expect(may(.planner) == [.read, .resolve, .editBoundaries])
        #expect(may(.dispatcher) == [.read, .resolve, .viewPersonal, .manageEvents, .supervise, .uploadPatrols])
        #expect(may(.gis) == [.read, .resolve, .export])
        #expect(may(.leader) == [.read, .resolve, .viewPersonal, .supervise, .approve])
        #expect(may(.county) == [.read, .resolve, .linkCounty, .export])
        #expect(Permission.linkCounty.roles == [.admin, .county])
        #expect(Permission.administer.roles == [.admin])
        #expect(Permission.approve.roles == [.admin, .leader])
        #expect(Permission.viewPersonal.roles == [.dispatcher, .admin, .leader])
        #expect(Permission.read.roles == AccessRole.allCases)
        #expect(Permission.allCases.filter(\.isRead) == [.read, .resolve])
    }
}
