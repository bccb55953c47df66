import Testing

@testable import Staffing

@Suite struct LeverScheduleTests {
    /// Every instant against a direct reading of the definition (the last step at or before it, else base).
    @Test func leversFollowTheSteps() {
        let base = LoadLevers(deflection: 0.1, botContainment: 0)
        let a = LoadLevers(deflection: 0.3, botContainment: 0.4)
        let b = LoadLevers(deflection: 0, botContainment: 0.2)
        let s = LeverSchedule(base: base, steps: [.init(from: 7200, levers: b), .init(from: 3600, levers: a)])
        for t in stride(from: 0, through: 10_800, by: 300) {
            let expected = t >= 7200 ? b : (t >= 3600 ? a : base)
            #expect(s.levers(at: t) == expected)
        }
        #expect(abs(s.levers(at: 4000).callsReachingAgents(100) - 42) < 1e-12)
    }
}
