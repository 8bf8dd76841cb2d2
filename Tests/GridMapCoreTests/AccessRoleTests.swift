import GridMapCore
import Testing

/// The roles' permissions, as the issue states them.
@Suite struct AccessRoleTests {
    @Test func eachRoleMayWhatItsWorkNeeds() {
        let may = { (role: AccessRole) in Set(Permission.allCases.filter(role.may)) }
        #expect(may(.admin) == Set(Permission.allCases))
        #expect(may(.planner) == [.read, .resolve, .editBoundaries])
        #expect(may(.dispatcher) == [.read, .resolve, .manageEvents, .uploadPatrols])
        #expect(may(.gis) == [.read, .resolve, .export])
        #expect(Permission.administer.roles == [.admin])
        #expect(Permission.read.roles == AccessRole.allCases)
        #expect(Permission.allCases.filter(\.isRead) == [.read, .resolve])
    }
}
