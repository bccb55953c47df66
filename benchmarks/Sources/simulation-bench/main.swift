// Simulation benchmark (issue 14). Usage: simulation-bench [peer-calls]
//  1. Throughput on one core: M/M/n+M, the same queue the SimPy and Ciw peers model.
//  2. A week of 30-minute intervals for a 2,000-agent centre, 30 replications, on all cores.
import Simulation
import Staffing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU seconds used by this process so far (all threads).
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func seconds(_ body: () async -> Void) async -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    await body()
    let d = clock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

// 1. The peers' queue: 50 agents, 1,400 calls per hour (AHT 120 s: 46.7 Erlangs), patience 180 s,
//    threshold 20 s, 8 hours; replications until about `target` calls, one core.
let target = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 2_000_000 : 2_000_000
let hours = 8
let peer = SimulationScenario(
    intervalSeconds: 3600, intervalCount: hours,
    queues: [.init(name: "main", demand: (0..<hours).map { .init(interval: $0, calls: 1400, ahtSeconds: 120) })],
    duty: (0..<50).map { .init(agent: $0, start: 0, end: Double(hours * 3600) + 7200) },
    patience: .exponential(meanSeconds: 180), targetSeconds: 20)
let peerSim = try Simulator(peer)
let reps = max(1, target / (1400 * hours))
var peerResult: SimulationResult? = nil
let c1 = cpuSeconds()
let t1 = await seconds { peerResult = await peerSim.run(replications: reps, seed: 1, maxConcurrency: 1) }
if let r = peerResult {
    let o = r.outcome(intervals: Array(0..<hours))
    print(
        "headcount simulate M/M/50+M one core: calls=\(r.simulatedCalls) seconds=\(format3(t1)) "
            + "calls_per_s=\(Int(Double(r.simulatedCalls) / t1)) cpu_seconds=\(format3(cpuSeconds() - c1)) "
            + "calls_per_cpu_s=\(Int(Double(r.simulatedCalls) / (cpuSeconds() - c1))) SL=\(format3(o.serviceLevel.mean)) "
            + "abandon=\(format3(o.abandonRate.mean))")
}

// 2. A week, 2,000 agents: each works five 8-hour shifts (30-minute break after 4 hours), starts
//    staggered 07:00–13:00 and days off rotated, so about 800 are on duty at a time; the forecast
//    puts 85 % occupancy on whoever is on duty (AHT 300 s, lognormal CV 0.8, patience 180 s).
let day = 86_400
let agents = 2_000
var duty: [SimulationScenario.DutySpan] = []
var onDuty = [Double](repeating: 0, count: 7 * 48)
for a in 0..<agents {
    let start = 7 * 3600 + (a % 13) * 1800
    for d in 0..<7 where (d + a) % 7 < 5 {
        let s = d * day + start
        duty.append(.init(agent: a, start: Double(s), end: Double(s + 4 * 3600)))
        duty.append(.init(agent: a, start: Double(s + 4 * 3600 + 1800), end: Double(s + 8 * 3600 + 1800)))
        for k in 0..<17 where k != 8 { onDuty[(s + k * 1800) / 1800] += 1 }
    }
}
let demand = (0..<(7 * 48)).compactMap { k -> SimulationScenario.Demand? in
    onDuty[k] > 0 ? .init(interval: k, calls: 0.98 * onDuty[k] * 1800 / 300, ahtSeconds: 300) : nil
}
let week = SimulationScenario(
    intervalSeconds: 1800, intervalCount: 7 * 48, queues: [.init(name: "main", demand: demand)], duty: duty,
    handleTime: .lognormal(cv: 0.8), patience: .exponential(meanSeconds: 180), targetSeconds: 20)
let weekSim = try Simulator(week)
var weekResult: SimulationResult? = nil
let c2 = cpuSeconds()
let t2 = await seconds { weekResult = await weekSim.run(replications: 30, seed: 1) }
if let r = weekResult {
    let o = r.outcome(intervals: demand.map(\.interval))
    print(
        "headcount simulate week, 2,000 agents, 30 replications, all cores: calls=\(r.simulatedCalls) "
            + "seconds=\(format3(t2)) calls_per_s=\(Int(Double(r.simulatedCalls) / t2)) "
            + "cpu_seconds=\(format3(cpuSeconds() - c2)) calls_per_cpu_s=\(Int(Double(r.simulatedCalls) / (cpuSeconds() - c2))) "
            + "SL=\(format3(o.serviceLevel.mean))±\(format3(o.serviceLevel.halfWidth)) "
            + "promised=\(format3(r.promise(intervals: demand.map(\.interval)).serviceLevel))")
}

func format3(_ x: Double) -> String {
    let scaled = (x * 1000).rounded()
    guard scaled.isFinite, abs(scaled) < 1e15 else { return String(x) }
    let n = Int(scaled)
    let frac = abs(n) % 1000
    return "\(n / 1000).\(String(repeating: "0", count: frac < 10 ? 2 : frac < 100 ? 1 : 0))\(frac)"
}
