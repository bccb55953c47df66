import ArgumentParser
import CallData
import Scheduling
import Simulation
import Staffing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `headcount simulate`: what a roster really delivers, interval by interval.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a roster against a forecast: the service it really gives, beside what Erlang promised.",
        discussion: """
            A discrete-event simulation over the forecast's horizon: Poisson arrivals at each interval's forecast \
            rate (after --deflection and --bot-containment), agents on and off exactly as the roster says (breaks, \
            shift edges; a call in hand is finished first; with --shrinkage only ⌊on duty × (1 − shrinkage)⌋ of them \
            answer), FCFS across queues (one pool of agents), handle times \
            exponential or lognormal around each interval's aht_seconds (else --aht), callers hanging up after \
            their patience, optional redials. Replications run on all cores; the output does not depend on how many.
            Without --patience or --patience-log nobody abandons (Erlang C); with them Erlang A is the promise. \
            --arrivals-log replays a per-call log's arrivals (the forecast still gives the grid and AHT).
            Output columns: interval_start, interval_minutes, queue, agents_on_duty, offered, offered_ci95, \
            service_level, service_level_ci95, abandon_rate, abandon_rate_ci95, asa_seconds, asa_seconds_ci95, \
            occupancy, occupancy_ci95, answered, abandoned, redials, erlang_service_level, erlang_abandon_rate, \
            erlang_asa_seconds, erlang_occupancy (counts are means per replication; *_ci95 are 95 % half-widths). \
            Service level = answered within --target-seconds over all offered calls. A summary line goes to stderr.

            Examples:
              headcount simulate --forecast f.csv --roster roster.csv --aht 300 --patience 120 --target-seconds 20 --output sim.csv
              headcount simulate --forecast f.csv --staffing staffing.csv --patience 120 --handle-cv 0.8 \\
                --redial 0.3 --redial-delay 10m --replications 30 --seed 1 --output sim.csv --daily days.csv
            """
    )

    @Option(help: "Forecast (or interval history) CSV: interval_start, [queue,] calls, [aht_seconds].")
    var forecast: String

    @Option(help: "Roster CSV (schedule --agents output): agent_id, shift_start, shift_end, [break_start, break_end].")
    var roster: String?

    @Option(help: "Staffing CSV (staff output) instead of a roster: agents on duty per interval = its agents column.")
    var staffing: String?

    @Option(help: "Average handle time in seconds, where the forecast has no aht_seconds.")
    var aht: Double?

    @Option(help: "Handle-time coefficient of variation: lognormal with this CV (default: exponential).")
    var handleCV: Double?

    @Option(help: "Per-call log whose handle_seconds give the handle-time CV (lognormal fitted by maximum likelihood).")
    var handleLog: String?

    @Option(help: "Mean patience in seconds (exponential); without it nobody abandons.")
    var patience: Double?

    @Option(help: "Per-call log (wait_seconds, abandoned) for an empirical patience (Kaplan–Meier).")
    var patienceLog: String?

    @Option(help: "Per-call log (arrived_at, [queue]) whose arrivals are replayed instead of Poisson arrivals.")
    var arrivalsLog: String?

    @Option(help: "Service-level threshold in seconds.")
    var targetSeconds: Double = 20

    @Option(help: "Probability that a caller who hung up calls again, in [0, 1].")
    var redial: Double = 0

    @Option(help: "Mean delay before a redial.")
    var redialDelay: TimeSpan = TimeSpan(seconds: 600)

    @Option(help: "Calls already waiting at the start of the horizon (intraday what-if).")
    var initialQueue: Int = 0

    @Option(help: "Share of calls fully handled by a phone bot, in [0, 1) (as in staff).")
    var botContainment: Double = 0

    @Option(help: "Share of would-be callers stopped by a proactive SMS / notice, in [0, 1) (as in staff).")
    var deflection: Double = 0

    @Option(help: "Share of calls in a priority class answered first (non-preemptive), in [0, 1).")
    var priorityShare: Double = 0

    @Option(
        help:
            "Share of paid time off the phones, in [0, 1) (as in staff): ⌊on duty × (1 − shrinkage)⌋ agents answer at every moment."
    )
    var shrinkage: Double = 0

    @Option(help: "Independent replications (each the whole horizon).")
    var replications: Int = 30

    @Option(help: "Random seed; the same seed gives byte-identical output.")
    var seed: UInt64 = 1

    @Option(help: "Replications run at once (default: one per core); does not change the output.")
    var cores: Int?

    @OptionGroup var timeZone: TimeZoneOption

    @Option(help: "Output CSV, one row per interval and queue (written atomically).")
    var output: String

    @Option(help: "Optional CSV with one row per local day and queue.")
    var daily: String?

    func validate() throws {
        guard (roster == nil) != (staffing == nil) else {
            throw ValidationError("give exactly one of --roster FILE and --staffing FILE (who is on duty)")
        }
        if let aht, !(aht > 0 && aht.isFinite) { throw ValidationError("--aht \(aht) must be positive seconds") }
        if let cv = handleCV, !(cv > 0 && cv <= 20) {
            throw ValidationError("--handle-cv \(cv) is out of range; expected a coefficient of variation in (0, 20]")
        }
        if handleCV != nil, handleLog != nil {
            throw ValidationError("give at most one of --handle-cv and --handle-log")
        }
        if let p = patience, !(p > 0 && p.isFinite) {
            throw ValidationError("--patience \(p) must be positive seconds")
        }
        if patience != nil, patienceLog != nil {
            throw ValidationError("give at most one of --patience and --patience-log")
        }
        guard targetSeconds >= 0, targetSeconds.isFinite else {
            throw ValidationError("--target-seconds must be seconds ≥ 0")
        }
        guard redial >= 0, redial <= 1 else { throw ValidationError("--redial must be a probability in [0, 1]") }
        guard redialDelay.seconds > 0 else { throw ValidationError("--redial-delay must be positive, e.g. 10m") }
        guard initialQueue >= 0, initialQueue <= 10_000_000 else {
            throw ValidationError("--initial-queue must be a number of calls in 0...10000000")
        }
        for (name, v) in [("--bot-containment", botContainment), ("--deflection", deflection)] {
            guard v >= 0, v < 1 else {
                throw ValidationError("\(name) \(v) is out of range; expected a share in [0, 1)")
            }
        }
        guard shrinkage >= 0, shrinkage < 1 else {
            throw ValidationError("--shrinkage \(shrinkage) is out of range; expected a share in [0, 1)")
        }
        guard priorityShare >= 0, priorityShare < 1 else {
            throw ValidationError("--priority-share \(priorityShare) is out of range; expected a share in [0, 1)")
        }
        guard replications >= 1, replications <= 10_000 else {
            throw ValidationError("--replications must be between 1 and 10000 (30 is usual)")
        }
        if let cores, cores < 1 { throw ValidationError("--cores must be at least 1") }
    }

    func run() async throws {
        try checkOutputs(
            [output, daily], inputs: [forecast, roster, staffing, handleLog, patienceLog, arrivalsLog])
        let zone = try timeZone.zone()
        var reader = try CSVReader(contentsOf: forecast)
        let history = try IntervalHistoryReader(timeZone: zone).read(&reader)
        var scenario: SimulationScenario
        do {
            let grid = try SimulationScenario.demand(forecast: history, fallbackAHT: aht, file: forecast)
            let duty: [SimulationScenario.DutySpan]
            if let roster {
                let shifts = try loadInput { try RosterFile.read(path: roster, zone: zone) }
                duty = SimulationScenario.duty(roster: shifts, origin: grid.origin)
            } else if let staffing {
                duty = SimulationScenario.duty(
                    table: try OnDutyTable.read(path: staffing, zone: zone), origin: grid.origin)
            } else {
                duty = []
            }
            var handle = HandleTimeDistribution.exponential
            if let handleCV { handle = .lognormal(cv: handleCV) }
            if let handleLog {
                let sample = try CallLogSample.read(path: handleLog)
                guard let fitted = HandleTimeDistribution.fitted(handleSeconds: sample.handleSeconds) else {
                    throw UsageError(
                        "\(handleLog): fewer than two different handle_seconds of answered calls; expected a call log",
                        status: .badInput)
                }
                handle = fitted
            }
            var patienceModel = PatienceDistribution.infinite
            if let patience { patienceModel = .exponential(meanSeconds: patience) }
            if let patienceLog {
                let sample = try CallLogSample.read(path: patienceLog)
                guard let km = PatienceDistribution.kaplanMeier(waits: sample.waitSeconds, abandoned: sample.abandoned)
                else {
                    throw UsageError(
                        "\(patienceLog): no abandoned call with a wait_seconds; expected a call log with abandonments",
                        status: .badInput)
                }
                patienceModel = km
            }
            scenario = SimulationScenario(
                origin: grid.origin, intervalSeconds: grid.intervalSeconds, intervalCount: grid.intervalCount,
                queues: grid.queues, duty: duty, handleTime: handle, patience: patienceModel,
                targetSeconds: targetSeconds,
                levers: LoadLevers(deflection: deflection, botContainment: botContainment),
                priorityShare: priorityShare,
                redial: redial > 0
                    ? SimulationScenario.Redial(probability: redial, meanDelaySeconds: Double(redialDelay.seconds))
                    : nil,
                initialQueue: initialQueue)
            if shrinkage > 0 {
                scenario.answeringShare = Array(repeating: 1 - shrinkage, count: grid.intervalCount)
            }
            if let arrivalsLog {
                let sample = try CallLogSample.read(path: arrivalsLog, zone: zone)
                scenario.replayedArrivals = try SimulationScenario.replay(
                    sample, queues: grid.queues, origin: grid.origin)
            }
        } catch let e as SimulationError {
            throw UsageError(e.description)
        }
        let simulator: Simulator
        do { simulator = try Simulator(scenario) } catch { throw UsageError(error.description) }
        let result = await simulator.run(replications: replications, seed: seed, maxConcurrency: cores)
        // Times are written as the forecast gave them: with its offsets, or naive when it was naive.
        let report = SimulationReport(result: result, zone: history.timeZone)
        var outputs = OutputFiles()  // interval and day files change together or not at all
        outputs.add(report.intervals(), to: output)
        if let daily { outputs.add(report.days(), to: daily) }
        try outputs.commit()
        printError(report.summary())
    }
}
