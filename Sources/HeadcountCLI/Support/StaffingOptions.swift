import ArgumentParser
import Staffing

/// Options shared by `erlang` and `staff`: model, targets, shrinkage, levers, priority.
struct StaffingOptions: ParsableArguments {
    @Option(
        help:
            "Target share of calls answered within --target-seconds, in (0, 1). With erlang-a the share is over all offered calls (abandons count as failures)."
    )
    var targetSL: Double = 0.8

    @Option(help: "Service-level threshold in seconds (0 = answered without waiting).")
    var targetSeconds: Double = 20

    @Option(help: "Queueing model: erlang-c (infinite patience) or erlang-a (abandonment; needs --patience).")
    var model: ModelName = .erlangC

    @Option(help: "Mean patience in seconds before a caller hangs up (erlang-a).")
    var patience: Double?

    @Option(help: "Maximum occupancy in (0, 1].")
    var maxOccupancy: Double = 1

    @Option(help: "Maximum average speed of answer in seconds.")
    var maxASA: Double?

    @Option(help: "Maximum abandonment rate in (0, 1) (erlang-a).")
    var maxAbandon: Double?

    @Option(help: "Share of paid time off the phones, in [0, 1); scheduled = ⌈agents / (1 − shrinkage)⌉.")
    var shrinkage: Double = 0

    @Option(help: "Share of calls fully handled by a phone bot, in [0, 1); removed before staffing.")
    var botContainment: Double = 0

    @Option(help: "Share of would-be callers stopped by a proactive SMS / notice, in [0, 1); removed before staffing.")
    var deflection: Double = 0

    @Option(help: "Share of calls in a high-priority class served first (non-preemptive; erlang-c).")
    var priorityShare: Double?

    @Option(help: "Service-level target of the priority class, in (0, 1) (default 0.9; needs --priority-share).")
    var priorityTargetSL: Double?

    @Option(help: "Service-level threshold of the priority class, in seconds (default 10; needs --priority-share).")
    var priorityTargetSeconds: Double?

    enum ModelName: String, ExpressibleByArgument, CaseIterable {
        case erlangC = "erlang-c"
        case erlangA = "erlang-a"
    }

    func validate() throws {
        if model == .erlangA, patience == nil {
            throw ValidationError(
                "--model erlang-a needs --patience SECONDS (mean time a caller waits before hanging up)")
        }
        // Options that mean nothing in the combination given are refused, not ignored.
        if model == .erlangC, patience != nil {
            throw ValidationError("--patience applies to --model erlang-a only (Erlang C callers never hang up)")
        }
        if model == .erlangC, maxAbandon != nil {
            throw ValidationError("--max-abandon applies to --model erlang-a only (Erlang C has no abandonment)")
        }
        if priorityShare == nil, priorityTargetSL != nil || priorityTargetSeconds != nil {
            throw ValidationError("--priority-target-sl and --priority-target-seconds need --priority-share")
        }
        if model == .erlangA, priorityShare != nil {
            throw ValidationError("--priority-share needs --model erlang-c (the priority model is Erlang C)")
        }
    }

    /// The command-line spelling of a staffing parameter named by the library.
    static let flags: [String: String] = [
        "calls": "--calls", "interval seconds": "--interval", "AHT seconds": "--aht",
        "service-level target": "--target-sl", "service-level threshold seconds": "--target-seconds",
        "maximum occupancy": "--max-occupancy", "maximum ASA seconds": "--max-asa",
        "maximum abandonment rate": "--max-abandon", "shrinkage": "--shrinkage", "deflection": "--deflection",
        "bot containment": "--bot-containment", "patience seconds": "--patience",
        "priority share": "--priority-share", "priority service-level target": "--priority-target-sl",
        "priority threshold seconds": "--priority-target-seconds", "agents": "--agents",
    ]

    func queueModel() -> QueueModel {
        switch model {
        case .erlangC: .erlangC
        case .erlangA: .erlangA(patienceSeconds: patience ?? 0)
        }
    }

    func request(calls: Double, intervalSeconds: Double, ahtSeconds: Double) -> StaffingRequest {
        StaffingRequest(
            load: QueueLoad(calls: calls, intervalSeconds: intervalSeconds, ahtSeconds: ahtSeconds),
            model: queueModel(),
            targets: ServiceTargets(
                serviceLevel: targetSL, targetSeconds: targetSeconds, maxASASeconds: maxASA,
                maxAbandonRate: maxAbandon, maxOccupancy: maxOccupancy),
            shrinkage: shrinkage,
            levers: LoadLevers(deflection: deflection, botContainment: botContainment),
            priority: priorityShare.map {
                PriorityClass(
                    share: $0, serviceLevel: priorityTargetSL ?? 0.9, targetSeconds: priorityTargetSeconds ?? 10)
            })
    }
}

extension StaffingError {
    /// Staffing parameter errors are usage errors (exit 2), with the library's parameter names
    /// spelt as the options that set them.
    var asUsageError: UsageError {
        if case .invalidParameter(let name, let value, let expected) = self, let flag = StaffingOptions.flags[name] {
            return UsageError(StaffingError.invalidParameter(name: flag, value: value, expected: expected).description)
        }
        return UsageError(description)
    }
}
