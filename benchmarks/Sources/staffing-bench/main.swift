// Required agents for N intervals with varied loads (1–20,000 calls per 30 min, AHT 180–600 s),
// 80/20, Erlang C and Erlang A (patience 180 s) in the same run. Prints wall and CPU seconds and
// intervals per CPU second; the same inputs are written for the pyworkforce peer
// (benchmarks/peers/erlang_pyworkforce.py, Erlang C only: pyworkforce has no Erlang A).
import Foundation
import Staffing

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1])! : 100_000
let inputsPath = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "benchmarks/work/erlang_inputs.csv"

// Deterministic inputs: log-uniform calls in [1, 20000], AHT in [180, 600].
struct LCG {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
}
var rng = LCG()
var loads: [QueueLoad] = []
var text = "calls,aht_seconds\n"
for _ in 0..<count {
    let calls = (exp(rng.next() * log(20_000.0))).rounded()
    let aht = (180 + rng.next() * 420).rounded()
    loads.append(QueueLoad(calls: calls, intervalSeconds: 1800, ahtSeconds: aht))
    text += "\(Int(calls)),\(Int(aht))\n"
}
try text.write(toFile: inputsPath, atomically: true, encoding: .utf8)

/// CPU time of this process (user + system), seconds: what the shared machine's load changes least.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

@discardableResult
func run(_ label: String, _ model: QueueModel, _ loads: [QueueLoad]) throws -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = cpuSeconds()
    var total = 0
    for load in loads {
        let r = try StaffingSolver.solve(
            StaffingRequest(
                load: load, model: model,
                targets: ServiceTargets(serviceLevel: 0.8, targetSeconds: 20)))
        total &+= r.metrics.agents
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = cpuSeconds() - cpuStart
    print(
        String(
            format:
                "%@ intervals=%d seconds=%.3f intervals_per_s=%.0f cpu_seconds=%.3f intervals_per_cpu_s=%.0f agents_sum=%d",
            label as NSString, count, seconds, Double(count) / seconds, cpu, Double(count) / cpu, total))
    return cpu
}
let erlangC = try run("headcount erlang-c", .erlangC, loads)
let erlangA = try run("headcount erlang-a(patience 180s)", .erlangA(patienceSeconds: 180), loads)
print(String(format: "erlang-a / erlang-c cpu time ratio=%.2f (goal <= 5)", erlangA / erlangC))
