import CallData
import Forecasting
import LinearAlgebra
import Scheduling
import Simulation
import Staffing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plans one queue for a run date: history up to the run date → forecast of the `horizon` days
/// after it → agents per interval (Erlang C/A) → roster of named agents (or a shift plan) →
/// coverage; writes `history.csv`, `forecast.csv`, `staffing.csv`, `roster.csv`, `coverage.csv` and
/// `queue.json` into the queue's folder, each atomically.
///
/// The same inputs and run date give the same bytes: every library step is deterministic (sorted
/// iteration, fixed float formatting) and the roster solver returns the same roster with a
/// `work_limit` (a deterministic budget) on any machine, or with a `time_limit` as long as it
/// proves its gap inside it.
///
/// *Edge Cases*: history that ends more than `maximumHistoryLagDays` before the run date is refused
/// (a stale feed would silently plan from old data); a run date before the history's first day
/// leaves no history and is refused.
struct QueuePipeline: Sendable {
    /// Days the history may end before the run date (a feed missing a weekend and a holiday).
    static let maximumHistoryLagDays = 7
    /// Days of recent history copied into `history.csv` for the report's forecast-vs-history chart.
    static let recentHistoryDays = 14

    var queue: QueuePlanConfig
    /// The run date (days since 1970-01-01 on the queue's local calendar).
    var runDay: Int

    /// Plans the queue into `folder` (created when missing). Never throws: a failure is an outcome.
    func run(into folder: String) async -> QueueOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        var outcome = QueueOutcome(
            name: queue.name, inputs: Self.inputs(of: queue), figures: nil, error: nil, status: .success, seconds: 0)
        do {
            try PlanFiles.makeDirectories(folder)
            outcome.figures = try await plan(into: folder)
        } catch {
            (outcome.error, outcome.status) = Self.describe(error)
        }
        outcome.seconds = Self.seconds(clock.now - started)
        do {
            try PlanFiles.write(outcome.json + "\n", to: folder + "/queue.json")
        } catch {
            if outcome.error == nil { (outcome.error, outcome.status) = Self.describe(error) }
        }
        return outcome
    }

    /// The queue's input files with their SHA-256 (`nil` for a file that cannot be read).
    static func inputs(of queue: QueuePlanConfig) -> [QueueOutcome.Input] {
        queue.inputs.map { role, path in
            QueueOutcome.Input(
                role: role, path: path.written, sha256: (try? FileBytes.read(path.resolved)).map(SHA256.hex))
        }
    }

    func plan(into folder: String) async throws -> QueueOutcome.Figures {
        // 1. History up to the run date, one queue.
        let file = try HistoryFile.read(
            path: queue.history.resolved, timeZone: queue.timeZone, intervalSeconds: queue.intervalSeconds)
        let series = try selectSeries(file)
        let kept = series.records.filter { $0.localDay <= runDay }
        guard let last = kept.last else {
            throw UsageError(
                "\(queue.history.resolved): no history on or before the run date \(formatISODate(days: runDay))",
                status: .badInput)
        }
        let lag = runDay - last.localDay
        guard lag <= Self.maximumHistoryLagDays else {
            throw UsageError(
                "\(queue.history.resolved): history ends on \(formatISODate(days: last.localDay)), \(lag) days before the run date "
                    + "\(formatISODate(days: runDay)); expected history up to at most \(Self.maximumHistoryLagDays) days before it "
                    + "(pass --date to plan an earlier day)", status: .badInput)
        }
        let history = IntervalHistory(
            intervalSeconds: file.intervalSeconds, timeZone: queue.timeZone,
            series: [IntervalSeries(queue: queue.name, records: kept)])
        try writeRecentHistory(history, to: folder + "/history.csv")
        // Past incidents are left out of the baseline (replaced by a baseline fitted without them).
        let known = try queue.incidents.map { try IncidentFile.read(path: $0.resolved, timeZone: queue.timeZone) } ?? []
        let baseline = IncidentMask.apply(known, to: history)

        // 2. Forecast the days after the run date.
        var special = try queue.specialDays.map { try SpecialDays.read(path: $0.resolved) } ?? .none
        special.holidays = queue.holidays
        let request = ForecastRequest(
            horizonDays: queue.horizonDays + lag, modelName: queue.model, level: queue.level, specialDays: special)
        guard var forecast = try Forecaster.forecast(baseline, request).first else {
            throw UsageError("\(queue.history.resolved): nothing to forecast", status: .badInput)
        }
        if let scenario = queue.scenario {
            // The surge on top of the baseline, its uncertainty in the bounds (as `forecast --scenario`).
            forecast =
                try applyScenario(
                    path: scenario.resolved, forecasts: [forecast], history: history, incidents: known,
                    level: queue.level, zone: queue.timeZone
                ).first ?? forecast
        }
        forecast.rows = forecast.rows.filter { row in
            let day = CivilCalendar.floorDivide(row.start + row.utcOffset, 86_400)
            return day > runDay && day <= runDay + queue.horizonDays
        }
        guard !forecast.rows.isEmpty else {
            throw UsageError(
                "\(queue.history.resolved): the centre is closed on every day of the horizon (no open slots in the last four weeks)",
                status: .badInput)
        }
        try Forecaster.csv([forecast], timeZone: queue.timeZone).write(to: folder + "/forecast.csv")

        // 3. Agents per interval.
        let staffing = try staff(forecast, intervalSeconds: history.intervalSeconds)
        try staffing.csv.write(to: folder + "/staffing.csv")

        // 4. Roster (named agents) or shift plan, and coverage.
        let requirements = staffing.requirements(timeZone: queue.timeZone)
        let templates = try ShiftFile.read(path: queue.shifts.resolved)
        // Test-only (PlanWorkers.abortVariable): die here as a C assertion inside CBC would.
        if let name = getenv(PlanWorkers.abortVariable), String(cString: name) == queue.name { abort() }
        // Each queue is planned in its own process (PlanWorkers), so this is the only solve here.
        let (coverage, paid, cost, gap, optimal, rows, agentsUsed) = try schedule(
            requirements, templates: templates, folder: folder)
        try coverage.csv(queue: queue.name).write(to: folder + "/coverage.csv")

        // 5. What the roster really delivers against the forecast: the simulation, with the levers
        // and shrinkage staffing assumed.
        let simulated = try await simulate(staffing, coverage: coverage, folder: folder)

        return QueueOutcome.Figures(
            model: forecast.modelName, level: queue.level, firstDay: formatISODate(days: runDay + 1),
            lastDay: formatISODate(days: runDay + queue.horizonDays), intervals: staffing.rows.count,
            forecastCalls: forecast.rows.reduce(0) { $0 + $1.calls },
            callsReachingAgents: staffing.rows.reduce(0) { $0 + $1.result.callsReachingAgents },
            peakAgents: staffing.rows.map(\.result.scheduledAgents).max() ?? 0, paidHours: paid, cost: cost,
            intervalsShort: coverage.intervalsShort, maxShortfall: coverage.maxShortfall, solverGap: gap,
            solverOptimal: optimal && gap < 1e-9, serviceLevelTarget: queue.targetSL,
            serviceLevelPromised: try promisedServiceLevel(staffing, coverage: coverage),
            serviceLevelExpected: simulated.serviceLevel, abandonRateExpected: simulated.abandonRate,
            simulationReplications: queue.replications,
            publicHolidaysClosed: (forecast.summary?.holidaysInHorizon ?? []).filter {
                $0.day > runDay && $0.kind == .closed
            }.map {
                "\(formatISODate(days: $0.day)) \($0.label)"
            },
            rosterRows: rows, agentsUsed: agentsUsed)
    }

    /// Simulates the queue's roster against its forecast (the `Simulation` module, as `headcount
    /// simulate` does) and writes `simulation.csv`; returns the outcome over the whole horizon.
    ///
    /// The simulation sees what staffing assumed: each interval's forecast calls and AHT, the
    /// levers in force in it (the queue's, or a surge scenario's from its `from` time), and
    /// `1 − shrinkage` of the agents on duty answering (`SimulationScenario.answeringShare`, the same
    /// `⌊scheduled × (1 − shrinkage)⌋` the promise uses). Agents on duty come from `roster.csv` (exact
    /// shift and break times) for named agents, else from the shift plan's coverage per interval.
    /// Callers are patient (Erlang C) or leave after an exponential patience of `patience` seconds
    /// (Erlang A); handle times are exponential, as Erlang assumes.
    ///
    /// Determinism: `replications` replications from the seed `FNV-1a-64(queue name)`, so a queue
    /// gives the same file whichever shard, process or core count plans it.
    /// *Edge Cases*: a partial interval (a closing slot shorter than the grid) is simulated over the
    /// whole grid interval at its calls; the grid runs from the first to the last forecast interval.
    func simulate(_ staffing: PlanStaffing, coverage: Coverage, folder: String) async throws -> IntervalOutcome {
        let iv = staffing.intervalSeconds
        guard let origin = staffing.rows.first?.forecast.start, iv > 0 else {
            throw UsageError("\(queue.history.resolved): nothing to simulate", status: .badInput)
        }
        var demand: [SimulationScenario.Demand] = []
        for row in staffing.rows {
            let offset = row.forecast.start - origin
            guard offset >= 0, offset % iv == 0 else {
                throw UsageError(
                    "\(queue.history.resolved): forecast interval at UTC \(row.forecast.start) is off the \(iv / 60)-minute grid",
                    status: .badInput)
            }
            demand.append(.init(interval: offset / iv, calls: row.forecast.calls, ahtSeconds: row.aht))
        }
        let count = (demand.last?.interval ?? 0) + 1
        let base = LoadLevers(deflection: queue.deflection, botContainment: queue.botContainment)
        let schedule = try leverSchedule()
        let duty: [SimulationScenario.DutySpan]
        if queue.agents != nil {
            let shifts = try RosterFile.read(path: folder + "/roster.csv", zone: queue.timeZone)
            duty = SimulationScenario.duty(roster: shifts, origin: origin)
        } else {
            duty = coverage.rows.flatMap { r -> [SimulationScenario.DutySpan] in
                let start = Double(r.start - origin)
                let end = start + Double(r.lengthSeconds > 0 ? r.lengthSeconds : iv)
                return (0..<max(0, r.scheduled)).map { .init(agent: $0, start: start, end: end) }
            }
        }
        var scenario = SimulationScenario(
            origin: origin, intervalSeconds: iv, intervalCount: count,
            queues: [.init(name: queue.name, demand: demand)], duty: duty, handleTime: .exponential,
            patience: queue.erlang == .erlangA ? .exponential(meanSeconds: queue.patienceSeconds ?? 0) : .infinite,
            targetSeconds: queue.targetSeconds, levers: base)
        scenario.intervalLevers = (0..<count).map { schedule?.levers(at: origin + $0 * iv) ?? base }
        scenario.answeringShare = Array(repeating: 1 - queue.shrinkage, count: count)
        let simulator = try Simulator(scenario)
        let result = await simulator.run(replications: queue.replications, seed: Self.seed(queue.name))
        try SimulationReport(result: result, zone: queue.timeZone).intervals().write(to: folder + "/simulation.csv")
        return result.outcome(intervals: demand.map(\.interval))
    }

    /// The simulation's seed for a queue: FNV-1a-64 of its name (`ShardSpec.fnv1a`), stable across
    /// machines, runs and config order.
    static func seed(_ queue: String) -> UInt64 { ShardSpec.fnv1a(queue) }

    /// Roster (named agents) or shift plan for the requirements; writes `roster.csv`.
    func schedule(_ requirements: Requirements, templates: [ShiftTemplate], folder: String) throws -> (
        Coverage, Double, Double, Double, Bool, Int, Int
    ) {
        let coverage: Coverage
        let paid: Double
        let cost: Double
        let gap: Double
        let optimal: Bool
        let rows: Int
        let agentsUsed: Int
        if let agentsPath = queue.agents {
            let agents = Self.prorated(
                try AgentFile.read(path: agentsPath.resolved), firstDay: runDay + 1, lastDay: runDay + queue.horizonDays
            )
            let limits =
                queue.workLimit.map { RosterLimits.work(units: $0) }
                ?? RosterLimits.time(seconds: Double(queue.timeLimitSeconds))
            let roster = try Rosterer.roster(
                requirements, templates: templates, agents: agents, understaffingPenalty: queue.understaffingPenalty,
                limits: limits, rules: queue.rules, progress: nil)
            coverage = Coverage(requirements, worked: roster.assignments.map { ($0.option, 1) })
            try roster.csv(requirements).write(to: folder + "/roster.csv")
            (paid, cost, gap, optimal) = (roster.paidHours, roster.cost, roster.gap, roster.provenOptimal)
            rows = roster.assignments.count
            agentsUsed = Set(roster.assignments.map(\.agent.id)).count
        } else {
            let plan = try ShiftPlanner.plan(
                requirements, templates: templates, understaffingPenalty: queue.understaffingPenalty,
                timeLimit: Double(queue.timeLimitSeconds))
            coverage = Coverage(requirements, worked: plan.entries.map { ($0.option, $0.count) })
            try plan.csv(requirements).write(to: folder + "/roster.csv")
            (paid, cost, gap, optimal) = (plan.paidHours, plan.cost, plan.gap, plan.provenOptimal)
            rows = plan.entries.count
            // People needed: the busiest day's shifts (one shift per person per day).
            var perDay: [Int: Int] = [:]
            for e in plan.entries { perDay[e.option.dayIndex, default: 0] += e.count }
            agentsUsed = perDay.values.max() ?? 0
        }
        return (coverage, paid, cost, gap, optimal, rows, agentsUsed)
    }

    /// The history series this queue plans.
    func selectSeries(_ file: IntervalHistory) throws -> IntervalSeries {
        let wanted = queue.series ?? queue.name
        if let s = file.series.first(where: { $0.queue == wanted }) { return s }
        if queue.series == nil, file.series.count == 1 { return file.series[0] }
        let names = file.series.compactMap(\.queue).sorted()
        throw UsageError(
            "\(queue.history.resolved): no queue '\(wanted)' in the history; expected one of \(names.joined(separator: ", ")) "
                + "(set `series` in the queue's config)", status: .badInput)
    }

    /// `interval_start, interval_minutes, queue, calls, aht_seconds` for the last days of history.
    func writeRecentHistory(_ history: IntervalHistory, to path: String) throws {
        var w = CSVWriter(header: ["interval_start", "interval_minutes", "queue", "calls", "aht_seconds"])
        let records = history.series[0].records
        let from = (records.last?.localDay ?? 0) - Self.recentHistoryDays + 1
        for r in records where r.localDay >= from {
            w.writeRow([
                r.startText, String(history.intervalSeconds / 60), queue.name, formatDecimal(r.calls, places: 3),
                r.ahtSeconds.map { formatDecimal($0, places: 2) } ?? "",
            ])
        }
        try w.write(to: path)
    }

    /// Staffing of every forecast interval with the queue's targets and levers.
    func staff(_ forecast: QueueForecast, intervalSeconds: Int) throws -> PlanStaffing {
        let schedule = try leverSchedule()
        var rows: [PlanStaffing.Row] = []
        rows.reserveCapacity(forecast.rows.count)
        for f in forecast.rows {
            guard let aht = f.ahtSeconds ?? queue.ahtSeconds, aht > 0 else {
                throw UsageError(
                    "\(queue.history.resolved): the history has no AHT (aht_seconds or handle_seconds); set `aht` for queue '\(queue.name)'",
                    status: .badInput)
            }
            let request = staffingRequest(f, calls: f.calls, intervalSeconds: intervalSeconds, aht: aht, schedule)
            var result = try StaffingSolver.solve(request)
            if result.metrics.agents < queue.minAgents {
                result = try StaffingSolver.evaluate(request, agents: queue.minAgents)
            }
            rows.append(PlanStaffing.Row(forecast: f, aht: aht, result: result))
        }
        return PlanStaffing(queue: queue.name, intervalSeconds: intervalSeconds, rows: rows)
    }

    /// The scenario's levers (bots, SMS) from its `from` time, on top of the queue's own; `nil`
    /// without a scenario.
    func leverSchedule() throws -> LeverSchedule? {
        try queue.scenario.map { path in
            let scenario = try readScenario(path: path.resolved, zone: queue.timeZone)
            let on = LoadLevers(
                deflection: scenario.deflection ?? queue.deflection,
                botContainment: scenario.botContainment ?? queue.botContainment)
            return LeverSchedule(
                base: LoadLevers(deflection: queue.deflection, botContainment: queue.botContainment),
                steps: [.init(from: scenario.leversFrom ?? scenario.start, levers: on)])
        }
    }

    /// The staffing request of a forecast row: a partial interval (a 5-minute closing slot) at its
    /// real length, the levers in force at its start.
    func staffingRequest(
        _ row: ForecastRow, calls: Double, intervalSeconds: Int, aht: Double, _ schedule: LeverSchedule?
    ) -> StaffingRequest {
        var request = staffingRequest(calls: calls, intervalSeconds: row.lengthSeconds ?? intervalSeconds, aht: aht)
        if let schedule { request.levers = schedule.levers(at: row.start) }
        return request
    }

    func staffingRequest(calls: Double, intervalSeconds: Int, aht: Double) -> StaffingRequest {
        StaffingRequest(
            load: QueueLoad(calls: calls, intervalSeconds: Double(intervalSeconds), ahtSeconds: aht),
            model: queue.erlang == .erlangA ? .erlangA(patienceSeconds: queue.patienceSeconds ?? 0) : .erlangC,
            targets: ServiceTargets(
                serviceLevel: queue.targetSL, targetSeconds: queue.targetSeconds, maxASASeconds: queue.maxASASeconds,
                maxAbandonRate: queue.maxAbandonRate, maxOccupancy: queue.maxOccupancy),
            shrinkage: queue.shrinkage,
            levers: LoadLevers(deflection: queue.deflection, botContainment: queue.botContainment))
    }

    /// Calls-weighted Erlang service level of the agents the roster puts on the phones:
    /// `⌊scheduled × (1 − shrinkage)⌋` per interval.
    func promisedServiceLevel(_ staffing: PlanStaffing, coverage: Coverage) throws -> Double {
        var onPhones: [Int: Int] = [:]
        for r in coverage.rows { onPhones[r.start] = r.scheduled }
        var weighted = 0.0
        var calls = 0.0
        let schedule = try leverSchedule()
        for row in staffing.rows {
            let scheduled = onPhones[row.forecast.start] ?? 0
            let agents = Int((Double(scheduled) * (1 - queue.shrinkage)).rounded(.down))
            let request = staffingRequest(
                row.forecast, calls: row.forecast.calls, intervalSeconds: staffing.intervalSeconds, aht: row.aht,
                schedule)
            let m = try StaffingSolver.evaluate(request, agents: agents)
            weighted += m.callsReachingAgents * m.metrics.serviceLevel
            calls += m.callsReachingAgents
        }
        return calls > 0 ? weighted / calls : 1
    }

    /// Agents whose weekly minimum hours are scaled to the shortest ISO week the horizon covers.
    ///
    /// A nightly horizon (e.g. the 7 days after a Wednesday) cuts ISO weeks, and a contract's
    /// `min_hours_week` cannot be met in the two days of a cut week. The roster library applies
    /// contracts per ISO week, so the plan prorates the minimum by the shortest week's share of
    /// 7 days (rounded down to half hours); maximum hours and days stay as they are.
    /// *Edge Cases*: a horizon of whole ISO weeks leaves every agent unchanged.
    static func prorated(_ agents: [Agent], firstDay: Int, lastDay: Int) -> [Agent] {
        var daysInWeek: [Int: Int] = [:]
        for day in firstDay...max(firstDay, lastDay) {
            daysInWeek[day - (CivilCalendar.isoWeekday(days: day) - 1), default: 0] += 1
        }
        let share = Double(daysInWeek.values.min() ?? 7) / 7
        guard share < 1 else { return agents }
        return agents.map { a in
            var b = a
            b.minHoursWeek = (a.minHoursWeek * share * 2).rounded(.down) / 2
            return b
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// One line and the exit status for an error of any library.
    static func describe(_ error: any Error) -> (String, ExitStatus) {
        switch error {
        case let e as CallDataError: (e.description, .badInput)
        case let e as UsageError: (e.description, e.status)
        case let e as SchedulingInputError: (e.description, .badInput)
        case let e as InfeasibleScheduleError:
            // The library speaks in `schedule` flags; the plan's knobs are config keys.
            (
                e.description.replacing("pass --allow-understaffing PENALTY", with: "set `allow_understaffing`")
                    .replacing("--allow-understaffing PENALTY", with: "set `allow_understaffing`")
                    .replacing("--time-limit", with: "`time_limit`").replacing("--work-limit", with: "`work_limit`"),
                .infeasible
            )
        case let e as StaffingError: ("staffing: \(e)", .badInput)
        case let e as ForecastError: ("forecast: \(e)", .badInput)
        case let e as SimulationError: ("simulation: \(e.description)", .badInput)
        default: (String(describing: error), .badInput)
        }
    }
}
