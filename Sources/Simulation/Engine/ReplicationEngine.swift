import HeapModule

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An event on the list: its time and `index << 2 | kind` (first attempts are kept off the list).
struct Event: Comparable {
    static let completion = 1
    static let abandonment = 2
    static let redial = 3

    var time: Double
    var code: Int

    @inline(__always) static func < (a: Event, b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.code < b.code)
    }
}

/// A first-in first-out ring of call slots that grows by doubling (amortised; never per call).
struct SlotRing {
    var buffer: [Int32]
    var head = 0
    var count = 0

    init(capacity: Int) { buffer = [Int32](repeating: 0, count: max(16, capacity)) }

    @inline(__always) var isEmpty: Bool { count == 0 }

    @inline(__always) mutating func push(_ slot: Int32) {
        if count == buffer.count { grow() }
        var tail = head + count
        if tail >= buffer.count { tail -= buffer.count }
        buffer[tail] = slot
        count += 1
    }

    @inline(__always) mutating func pop() -> Int32 {
        let slot = buffer[head]
        head += 1
        if head == buffer.count { head = 0 }
        count -= 1
        return slot
    }

    mutating func grow() {
        var bigger = [Int32](repeating: 0, count: buffer.count * 2)
        for k in 0..<count { bigger[k] = buffer[(head + k) % buffer.count] }
        buffer = bigger
        head = 0
    }
}

/// One replication of the discrete-event simulation (see `Simulator` for the model).
///
/// State is held in flat arrays preallocated from the plan: agents (on duty, busy, position in
/// the idle stack), waiting calls (slots with arrival time, deadline and cell; a free list; two
/// FIFO rings for the priority and standard classes) and the event list (`Heap`). The loop
/// allocates only when a ring or the slot arrays outgrow their first size.
///
/// **Abandonment.** A call's deadline is drawn on arrival. With no redials, abandonment is
/// resolved lazily: an agent taking the head of the queue skips (and counts) calls whose
/// deadline has passed — exact under FCFS, because a caller who has hung up changes nobody
/// else's wait. With redials, the new attempt must be scheduled when the caller hangs up, so
/// each waiting call also gets an abandonment event (ignored if the call was answered first).
struct ReplicationEngine {
    let plan: SimulationPlan
    var random: RandomStream
    var tally: ReplicationTally
    var heap = Heap<Event>()
    /// The heap's minimum has been handled and awaits removal: the next push replaces it (one
    /// sift instead of two).
    var topIsStale = false
    /// Next first-attempt arrival per queue (kept off the heap: one per queue, few queues).
    var nextArrival: [Double]
    /// Position in each queue's replayed arrivals.
    var replayPosition: [Int]
    var arrivalTime = Double.infinity
    var arrivalQueue = 0

    // Agents.
    var onDuty: [Bool]
    var busy: [Bool]
    var idlePosition: [Int32]
    var idle: [Int32] = []
    var busyCount = 0
    var staffedCount = 0

    // Waiting calls.
    var slotArrival: [Double] = []
    var slotDeadline: [Double] = []
    var slotCell: [Int32] = []
    var slotAbandoned: [Bool] = []
    var freeSlots: [Int32] = []
    var priorityRing = SlotRing(capacity: 64)
    var standardRing = SlotRing(capacity: 256)
    let timelyAbandonment: Bool

    // Time integration of agent counts per interval.
    var clock = 0.0
    var clockInterval = 0
    var intervalEnd: Double
    var spareNormal = Double.nan

    init(plan: SimulationPlan, random: RandomStream) {
        self.plan = plan
        self.random = random
        tally = ReplicationTally(intervals: plan.intervals, queues: plan.queues)
        nextArrival = [Double](repeating: .infinity, count: plan.queues)
        replayPosition = [Int](repeating: 0, count: plan.queues)
        onDuty = [Bool](repeating: false, count: plan.agents)
        busy = [Bool](repeating: false, count: plan.agents)
        idlePosition = [Int32](repeating: -1, count: plan.agents)
        idle.reserveCapacity(plan.agents)
        heap.reserveCapacity(plan.agents + plan.queues + 64)
        intervalEnd = plan.intervalLength
        timelyAbandonment = plan.redialProbability > 0
        let slots = 256 + plan.initialQueue.reduce(0, +)
        slotArrival.reserveCapacity(slots)
        slotDeadline.reserveCapacity(slots)
        slotCell.reserveCapacity(slots)
        slotAbandoned.reserveCapacity(slots)
        freeSlots.reserveCapacity(slots)
    }

    /// Adds an event, replacing the handled minimum if there is one.
    @inline(__always) mutating func push(_ e: Event) {
        if topIsStale {
            topIsStale = false
            _ = heap.replaceMin(with: e)
        } else {
            heap.insert(e)
        }
    }

    // MARK: Sampling

    @inline(__always) mutating func exponential(mean: Double) -> Double {
        -mean * log(random.uniform())
    }

    @inline(__always) mutating func handleTime(mean: Double) -> Double {
        guard plan.lognormal else { return exponential(mean: mean) }
        var z = spareNormal
        if z.isNaN {
            // Marsaglia's polar method (1964): two independent normals per accepted point of the
            // unit disc (acceptance π/4), without the sine and cosine of Box–Muller.
            var u = 0.0
            var v = 0.0
            var r2 = 0.0
            repeat {
                u = 2 * random.uniform() - 1
                v = 2 * random.uniform() - 1
                r2 = u * u + v * v
            } while r2 >= 1 || r2 == 0
            let scale = (-2 * log(r2) / r2).squareRoot()
            z = u * scale
            spareNormal = v * scale
        } else {
            spareNormal = .nan
        }
        return mean * exp(plan.shift + plan.sigma * z)
    }

    @inline(__always) mutating func patience() -> Double {
        switch plan.patience {
        case .infinite: return .infinity
        case .exponential(let m): return exponential(mean: m)
        case .empirical(let atoms, let cumulative, let tail):
            let u = random.uniform()
            guard let last = cumulative.last, u <= last else { return (atoms.last ?? 0) + exponential(mean: tail) }
            var lo = 0
            var hi = cumulative.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if cumulative[mid] >= u { hi = mid } else { lo = mid + 1 }
            }
            return atoms[lo]
        }
    }

    // MARK: Bookkeeping

    /// Integrates busy and staffed agents up to `t`, interval by interval.
    @inline(__always) mutating func advance(to t: Double) {
        while t > intervalEnd, clockInterval < plan.intervals {
            accumulate(intervalEnd - clock)
            clock = intervalEnd
            clockInterval += 1
            intervalEnd += plan.intervalLength
        }
        if clockInterval < plan.intervals { accumulate(t - clock) }
        clock = t
    }

    @inline(__always) mutating func accumulate(_ dt: Double) {
        tally.pool[clockInterval &* 2] += Double(busyCount) * dt
        tally.pool[clockInterval &* 2 &+ 1] += Double(staffedCount) * dt
    }

    @inline(__always) mutating func count(_ cell: Int, _ field: Int, _ amount: Double = 1) {
        tally.cells[cell &* ReplicationTally.fields &+ field] += amount
    }

    // MARK: Calls

    /// Schedules queue `q`'s next arrival after `t` (piecewise-constant rates: an exponential gap
    /// at the current interval's rate; past the interval's end, restart at its end — exact by
    /// memorylessness).
    @inline(__always) mutating func scheduleArrival(queue q: Int, after t0: Double) {
        nextArrival[q] = nextArrivalTime(queue: q, after: t0)
        arrivalTime = nextArrival[0]
        arrivalQueue = 0
        for k in 1..<plan.queues where nextArrival[k] < arrivalTime {
            arrivalTime = nextArrival[k]
            arrivalQueue = k
        }
    }

    @inline(__always) mutating func nextArrivalTime(queue q: Int, after t0: Double) -> Double {
        if let replay = plan.replay {
            let times = replay[q]
            while replayPosition[q] < times.count {
                let t = times[replayPosition[q]]
                replayPosition[q] += 1
                let keep = plan.replayKeep[min(Int(t / plan.intervalLength), plan.intervals - 1)]
                if keep >= 1 || random.uniform() < keep { return max(t, t0) }
            }
            return .infinity
        }
        var t = t0
        var k = Int(t / plan.intervalLength)
        let base = q &* plan.intervals
        while k < plan.intervals {
            k = plan.nextOpen[base &+ k]
            guard k < plan.intervals else { return .infinity }
            let start = Double(k) * plan.intervalLength
            if t < start { t = start }
            let next = t + exponential(mean: 1 / plan.rate[base &+ k])
            let end = start + plan.intervalLength
            if next < end { return next }
            t = end
            k += 1
        }
        return .infinity
    }

    /// A call of queue `q` arrives at `t` (a first attempt, or a redial).
    @inline(__always) mutating func arrive(queue q: Int, at t: Double, redial: Bool) {
        let k = min(Int(t / plan.intervalLength), plan.intervals - 1)
        let cell = k &* plan.queues &+ q
        count(cell, ReplicationTally.offered)
        if redial { count(cell, ReplicationTally.redials) }
        tally.calls += 1
        let priority = plan.priorityShare > 0 && random.uniform() < plan.priorityShare
        if let agent = idle.popLast() {
            idlePosition[Int(agent)] = -1
            serve(agent: Int(agent), cell: cell, arrival: t, at: t)
            return
        }
        let deadline = t + patience()
        enqueue(cell: cell, arrival: t, deadline: deadline, priority: priority)
    }

    @inline(__always) mutating func enqueue(cell: Int, arrival: Double, deadline: Double, priority: Bool) {
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            slotArrival[Int(free)] = arrival
            slotDeadline[Int(free)] = deadline
            slotCell[Int(free)] = Int32(truncatingIfNeeded: cell)
            slotAbandoned[Int(free)] = false
        } else {
            slot = Int32(truncatingIfNeeded: slotArrival.count)
            slotArrival.append(arrival)
            slotDeadline.append(deadline)
            slotCell.append(Int32(truncatingIfNeeded: cell))
            slotAbandoned.append(false)
        }
        if priority { priorityRing.push(slot) } else { standardRing.push(slot) }
        if timelyAbandonment, deadline.isFinite {
            push(Event(time: deadline, code: Int(slot) << 2 | Event.abandonment))
        }
    }

    /// Agent `a` answers a call of `cell` that arrived at `arrival`, at time `t`.
    @inline(__always) mutating func serve(agent a: Int, cell: Int, arrival: Double, at t: Double) {
        let wait = t - arrival
        count(cell, ReplicationTally.answered)
        count(cell, ReplicationTally.waitAnswered, wait)
        if wait <= plan.target { count(cell, ReplicationTally.answeredWithin) }
        let q = cell % plan.queues
        let k = cell / plan.queues
        let duration = handleTime(mean: plan.aht[q &* plan.intervals &+ k])
        busy[a] = true
        busyCount += 1
        push(Event(time: t + duration, code: a << 2 | Event.completion))
    }

    /// Counts an abandonment and schedules the redial, if any.
    @inline(__always) mutating func abandon(slot: Int, at t: Double) {
        slotAbandoned[slot] = true
        let cell = Int(slotCell[slot])
        count(cell, ReplicationTally.abandoned)
        if plan.redialProbability > 0, random.uniform() < plan.redialProbability {
            let again = t + exponential(mean: plan.redialDelay)
            if again < plan.horizon {
                push(Event(time: again, code: (cell % plan.queues) << 2 | Event.redial))
            }
        }
    }

    /// The next live waiting call at `t` (priority class first), counting calls that hung up.
    @inline(__always) mutating func nextWaiting(at t: Double) -> Int? {
        while !priorityRing.isEmpty || !standardRing.isEmpty {
            let slot = Int(priorityRing.isEmpty ? standardRing.pop() : priorityRing.pop())
            freeSlots.append(Int32(truncatingIfNeeded: slot))
            if slotAbandoned[slot] { continue }
            if slotDeadline[slot] <= t {
                abandon(slot: slot, at: slotDeadline[slot])
                continue
            }
            return slot
        }
        return nil
    }

    /// Agent `a` is free at `t`: takes the next waiting call or joins the idle stack.
    @inline(__always) mutating func free(agent a: Int, at t: Double) {
        if let slot = nextWaiting(at: t) {
            serve(agent: a, cell: Int(slotCell[slot]), arrival: slotArrival[slot], at: t)
        } else {
            idlePosition[a] = Int32(truncatingIfNeeded: idle.count)
            idle.append(Int32(truncatingIfNeeded: a))
        }
    }

    // MARK: The loop

    mutating func run() -> ReplicationTally {
        for q in 0..<plan.queues {
            scheduleArrival(queue: q, after: 0)
            for _ in 0..<plan.initialQueue[q] {
                let k = plan.nextOpen[q * plan.intervals]
                let cell = min(k, plan.intervals - 1) * plan.queues + q
                count(cell, ReplicationTally.offered)
                tally.calls += 1
                enqueue(cell: cell, arrival: 0, deadline: patience(), priority: false)
            }
        }
        var next = 0
        let transitions = plan.transitionTimes.count
        while true {
            let transitionTime = next < transitions ? plan.transitionTimes[next] : .infinity
            let top = heap.min
            let eventTime = top?.time ?? .infinity
            if arrivalTime < eventTime, arrivalTime < transitionTime {
                let t = arrivalTime
                let q = arrivalQueue
                advance(to: t)
                scheduleArrival(queue: q, after: t)
                arrive(queue: q, at: t, redial: false)
            } else if let e = top, e.time < transitionTime {
                topIsStale = true
                advance(to: e.time)
                let index = e.code >> 2
                switch e.code & 3 {
                case Event.completion:
                    busy[index] = false
                    busyCount -= 1
                    if onDuty[index] {
                        free(agent: index, at: e.time)
                    } else {
                        staffedCount -= 1
                    }
                case Event.abandonment:
                    if !slotAbandoned[index], slotDeadline[index] == e.time { abandon(slot: index, at: e.time) }
                default:
                    arrive(queue: index, at: e.time, redial: true)
                }
                if topIsStale {
                    topIsStale = false
                    _ = heap.removeMin()
                }
            } else if next < transitions {
                let waiting = !priorityRing.isEmpty || !standardRing.isEmpty
                if heap.isEmpty, !waiting, arrivalTime == .infinity, transitionTime >= plan.horizon { break }
                advance(to: transitionTime)
                let code = plan.transitionCodes[next]
                next += 1
                let a = code >> 1
                if code & 1 == 1 {
                    guard !onDuty[a] else { continue }
                    onDuty[a] = true
                    if !busy[a] {
                        staffedCount += 1
                        free(agent: a, at: transitionTime)
                    }
                } else {
                    guard onDuty[a] else { continue }
                    onDuty[a] = false
                    if !busy[a] {
                        staffedCount -= 1
                        let p = Int(idlePosition[a])
                        if p >= 0 {
                            let moved = idle.removeLast()
                            if p < idle.count {
                                idle[p] = moved
                                idlePosition[Int(moved)] = Int32(truncatingIfNeeded: p)
                            }
                            idlePosition[a] = -1
                        }
                    }
                }
            } else {
                break
            }
        }
        advance(to: plan.horizon)
        // Calls still waiting when nobody is left to answer: they hang up at their deadline, or
        // (infinite patience) stay unresolved — neither answered nor abandoned.
        while !priorityRing.isEmpty || !standardRing.isEmpty {
            let slot = Int(priorityRing.isEmpty ? standardRing.pop() : priorityRing.pop())
            if slotAbandoned[slot] { continue }
            if slotDeadline[slot].isFinite {
                count(Int(slotCell[slot]), ReplicationTally.abandoned)
            } else {
                count(Int(slotCell[slot]), ReplicationTally.unresolved)
            }
        }
        return tally
    }
}
