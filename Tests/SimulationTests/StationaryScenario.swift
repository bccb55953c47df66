import Simulation
import Staffing

/// A stationary queue: `agents` on duty throughout, `calls` per interval in every interval,
/// the first `warmUp` intervals discarded (the simulated centre starts empty).
struct StationaryScenario {
    var calls: Double
    var intervalSeconds: Int
    var ahtSeconds: Double
    var agents: Int
    var patience: PatienceDistribution = .infinite
    var handleTime: HandleTimeDistribution = .exponential
    var targetSeconds: Double = 20
    var warmUp = 2
    var measured = 10
    var redial: SimulationScenario.Redial? = nil

    var scenario: SimulationScenario {
        let count = warmUp + measured
        // Agents stay on after the horizon so that the last calls are answered, not cut off.
        let end = Double(count * intervalSeconds) + 100 * ahtSeconds
        return SimulationScenario(
            intervalSeconds: intervalSeconds, intervalCount: count,
            queues: [
                .init(
                    name: "main",
                    demand: (0..<count).map { .init(interval: $0, calls: calls, ahtSeconds: ahtSeconds) })
            ],
            duty: (0..<agents).map { .init(agent: $0, start: 0, end: end) }, handleTime: handleTime,
            patience: patience, targetSeconds: targetSeconds, redial: redial)
    }

    var measuredIntervals: [Int] { Array(warmUp..<(warmUp + measured)) }
}
