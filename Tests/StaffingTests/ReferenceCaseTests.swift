import Foundation
import Testing

@testable import Staffing

/// The 50-digit reference cases (Tests/StaffingTests/Reference, computed with mpmath).
@Suite struct ReferenceCaseTests {
    static func rows(_ name: String) -> [[String: String]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Reference/\(name)")
        let lines = try! String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(
                uniqueKeysWithValues: zip(
                    header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    static func double(_ row: [String: String], _ key: String) -> Double {
        let s = row[key]!
        return s == "inf" ? .infinity : Double(s)!
    }

    func load(_ r: [String: String]) -> QueueLoad {
        QueueLoad(
            calls: Self.double(r, "calls"), intervalSeconds: Self.double(r, "interval_seconds"),
            ahtSeconds: Self.double(r, "aht_seconds"))
    }

    func expectASA(_ got: Double, _ want: Double, _ label: String) {
        if want.isInfinite {
            #expect(got.isInfinite, "\(label)")
        } else {
            #expect(abs(got - want) <= max(1e-9, 1e-6 * abs(want)), "\(label): ASA \(got) vs \(want)")
        }
    }

    @Test func erlangCRequiredAgents() throws {
        for (i, r) in Self.rows("erlang_c_cases.csv").enumerated() {
            let request = StaffingRequest(
                load: load(r), model: .erlangC,
                targets: ServiceTargets(
                    serviceLevel: Self.double(r, "target_sl"), targetSeconds: Self.double(r, "target_seconds"),
                    maxOccupancy: Self.double(r, "max_occupancy")),
                shrinkage: Self.double(r, "shrinkage"))
            let result = try StaffingSolver.solve(request)
            #expect(result.metrics.agents == Int(r["required_agents"]!), "case \(i)")
            #expect(result.scheduledAgents == Int(r["scheduled_agents"]!), "case \(i)")
            #expect(abs(result.metrics.serviceLevel - Self.double(r, "service_level_at_required")) < 1e-9, "case \(i)")
            #expect(
                abs(result.metrics.waitProbability - Self.double(r, "wait_probability_at_required")) < 1e-9, "case \(i)"
            )
            expectASA(result.metrics.asaSeconds, Self.double(r, "asa_at_required"), "case \(i)")
        }
    }

    @Test func erlangCFixedAgents() {
        for (i, r) in Self.rows("erlang_c_eval_cases.csv").enumerated() {
            let n = Int(r["agents"]!)!
            let m = ErlangC.metrics(agents: n, load: load(r), targetSeconds: Self.double(r, "target_seconds"))
            #expect(
                abs(ErlangB.blocking(servers: n, traffic: m.trafficErlangs) - Self.double(r, "erlang_b")) < 1e-9,
                "case \(i)")
            #expect(abs(m.waitProbability - Self.double(r, "wait_probability")) < 1e-9, "case \(i)")
            #expect(abs(m.serviceLevel - Self.double(r, "service_level")) < 1e-9, "case \(i)")
            #expect(m.stable == (r["stable"] == "1"), "case \(i)")
            #expect(abs(m.occupancy - Self.double(r, "occupancy")) < 1e-9, "case \(i)")
            expectASA(m.asaSeconds, Self.double(r, "asa_seconds"), "case \(i)")
        }
    }

    @Test func erlangAFixedAgentsAndRequiredAgents() throws {
        for (i, r) in Self.rows("erlang_a_cases.csv").enumerated() {
            let patience = Self.double(r, "patience_seconds")
            let m = ErlangA.metrics(
                agents: Int(r["agents"]!)!, load: load(r), patienceSeconds: patience,
                targetSeconds: Self.double(r, "target_seconds"))
            for (got, key) in [
                (m.waitProbability, "wait_probability"), (m.abandonRate, "abandon_rate"),
                (m.serviceLevel, "service_level"), (m.occupancy, "occupancy"),
            ] {
                #expect(abs(got - Self.double(r, key)) < 1e-9, "case \(i) \(key): \(got)")
            }
            expectASA(m.asaSeconds, Self.double(r, "asa_seconds"), "case \(i)")
            let request = StaffingRequest(
                load: load(r), model: .erlangA(patienceSeconds: patience),
                targets: ServiceTargets(serviceLevel: 0.8, targetSeconds: 20))
            #expect(
                try StaffingSolver.solve(request).metrics.agents == Int(r["required_agents_for_target"]!), "case \(i)")
        }
    }

    /// Extreme scales, expected values from the same 50-digit generator (erlang_ref.py).
    @Test func extremeScales() throws {
        // 20,000 calls / 30 min at AHT 600 s ≈ 6,667 Erlangs, 80/20 → 6,700 agents, SL 0.809567104188144.
        let big = try StaffingSolver.solve(
            StaffingRequest(
                load: QueueLoad(calls: 20_000, intervalSeconds: 1800, ahtSeconds: 600),
                targets: ServiceTargets(serviceLevel: 0.8, targetSeconds: 20)))
        #expect(big.metrics.agents == 6700)
        #expect(abs(big.metrics.serviceLevel - 0.809567104188144) < 1e-9)
        #expect(abs(big.metrics.asaSeconds - 10.4127130636623) < 1e-5)
        // 1 call per hour at AHT 300 s → 1 agent, SL 0.921606774194349, ASA 27.2727…
        let tiny = try StaffingSolver.solve(
            StaffingRequest(
                load: QueueLoad(calls: 1, intervalSeconds: 3600, ahtSeconds: 300),
                targets: ServiceTargets(serviceLevel: 0.8, targetSeconds: 20)))
        #expect(tiny.metrics.agents == 1)
        #expect(abs(tiny.metrics.serviceLevel - 0.921606774194349) < 1e-9)
        // 2,000 Erlangs with a 90% occupancy cap binds exactly at 2,223 agents; 35% shrinkage → exactly 3,420.
        let capped = try StaffingSolver.solve(
            StaffingRequest(
                load: QueueLoad(calls: 12_000, intervalSeconds: 1800, ahtSeconds: 300),
                targets: ServiceTargets(serviceLevel: 0.9, targetSeconds: 30, maxOccupancy: 0.9), shrinkage: 0.35))
        #expect(capped.metrics.agents == 2223)
        #expect(capped.scheduledAgents == 3420)
        // Erlang A at scale: 6,500 agents, patience 300 s → SL 0.965628515841665, abandon 0.0253630262391326.
        let a = ErlangA.metrics(
            agents: 6500, load: QueueLoad(calls: 20_000, intervalSeconds: 1800, ahtSeconds: 600),
            patienceSeconds: 300, targetSeconds: 20)
        #expect(abs(a.serviceLevel - 0.965628515841665) < 1e-9)
        #expect(abs(a.abandonRate - 0.0253630262391326) < 1e-9)
        #expect(abs(a.waitProbability - 0.919822728585077) < 1e-9)
        #expect(abs(a.asaSeconds - 7.66607478979421) < 1e-6)
    }
}
