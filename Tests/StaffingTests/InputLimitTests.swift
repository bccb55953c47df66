import Testing

@testable import Staffing

/// Absurd inputs give a named error in the model's words, never a crash (issue 9).
@Suite struct InputLimitTests {
    func request(calls: Double = 250, aht: Double = 240, targetSeconds: Double = 20, occupancy: Double = 1)
        -> StaffingRequest
    {
        StaffingRequest(
            load: QueueLoad(calls: calls, intervalSeconds: 1800, ahtSeconds: aht),
            targets: ServiceTargets(serviceLevel: 0.8, targetSeconds: targetSeconds, maxOccupancy: occupancy))
    }

    @Test(arguments: [
        (1e300, 240.0, 20.0, 1.0, "offered traffic"),
        (250, 1e300, 20, 1, "AHT seconds"),
        (250, 1e-9, 20, 1, "AHT seconds"),
        (250, 240, 1e300, 1, "service-level threshold seconds"),
    ])
    func hugeValuesAreNamed(calls: Double, aht: Double, seconds: Double, occupancy: Double, name: String) {
        do {
            _ = try StaffingSolver.solve(request(calls: calls, aht: aht, targetSeconds: seconds, occupancy: occupancy))
            Issue.record("accepted")
        } catch {
            guard case .invalidParameter(let got, _, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(got == name)
            #expect(!error.description.contains("--"))  // library language, no CLI flags
        }
    }

    @Test func tinyOccupancyIsUnreachableNotACrash() {
        #expect(throws: StaffingError.self) { try StaffingSolver.solve(request(occupancy: 1e-300)) }
    }

    @Test func largestAcceptedTrafficSolves() throws {
        // 1e6 Erlangs (the documented maximum): the Erlang C answer lies just above the traffic.
        let r = try StaffingSolver.solve(request(calls: 1_000_000 * 1800 / 240.0))
        #expect(r.metrics.agents > 1_000_000 && r.metrics.agents < 1_001_000)
    }
}
