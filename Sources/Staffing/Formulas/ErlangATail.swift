#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A resumable pass over Erlang A's queue tail (the states n, n+1, … of `ErlangA`): the running
/// sums after the states `0…lastIndex` above n, what the states not yet summed can still add,
/// and the loop state to carry on from there.
///
/// **One pass.** The weights `w_j = Π λ/(nμ + iθ)` are built by multiplication (rescaled by 2⁻⁶⁰⁰
/// whenever they pass 2⁶⁰⁰, together with every running sum, so overloaded queues do not
/// overflow); the metrics accumulate unnormalised. One division per state for the chain:
/// `r_j + θ = nμ + (j+1)θ` is both the next factor of the served probability and the next
/// weight's denominator. The incomplete-beta step terms are kept as mantissa · 2^exponent (the
/// first, `(1 − x)^β`, underflows for large n), so no state costs a logarithm or an exponential.
/// The pass ends when the weights past the mode fall below e⁻⁵⁰ of the largest (`complete`).
///
/// **Remainder bound.** Past the mode (`nμ + (J+1)θ > λ`) every further weight ratio
/// `w_{j+1}/w_j = λ/(nμ + (j+1)θ)` is at most `q = λ/(nμ + (J+1)θ) < 1`, so the unseen weights are
/// dominated by a geometric series: `Σ_{j>J} w_j ≤ w_J·q/(1−q)` and
/// `Σ_{j>J} j·w_j ≤ w_J·(J·q/(1−q) + q/(1−q)²)`. Each metric is a ratio of such sums with a
/// per-state factor in [0, 1] (answered within t, answered) or a known growth (queue length; mean
/// wait: `harmonic_j ≤ harmonic_J + (j−J)/(nμ + (J+1)θ)`), which gives the certified ranges.
///
/// *Edge Cases*: before the mode (`ratioBound ≥ 1`) nothing is bounded and the ranges are nil;
/// `B = 0` (n far above the load) is complete at once with nobody waiting.
/// *Postconditions*: when `complete`, `metrics()` is `ErlangA.metrics` on the same inputs;
/// otherwise the true metrics lie in the ranges (up to the rounding of the sums, ~1e-13 relative).
struct ErlangATail {
    let agents: Int
    let traffic: Double
    let arrivalRate: Double
    let theta: Double
    private let nmu: Double
    private let inverseBlockingMinusOne: Double  // 1/B − 1: states below n relative to π_n
    private let hasThreshold: Bool
    private let x: Double  // 1 − e^{−θt}
    private let beta: Double  // nμ/θ + 1

    // Running sums, relative to π_n · scale.
    private(set) var sumW = 0.0
    private(set) var sumJW = 0.0
    private(set) var servedQueued = 0.0
    private(set) var answeredWithin = 0.0
    private(set) var waitServed = 0.0
    private(set) var harmonic = 0.0  // Σ 1/(r_i + θ)
    private(set) var scale = 1.0  // current weight unit relative to π_n
    /// `w_J` in the current unit (the last state summed; 1, the first state's, before `advance`).
    private(set) var weight = 1.0
    private var maxWeight = 1.0
    private var served = 1.0  // Π r_i / (r_i + θ)
    private var incompleteBeta: Double  // I_x(j+1, β)
    private var stepMantissa: Double
    private var stepExponent: Int
    /// The next state to sum.
    private(set) var next = 0
    /// `λ / (nμ + (J+1)θ)` for the last state summed: below 1 once past the mode.
    private(set) var ratioBound = Double.infinity
    /// Whether every state that matters was summed.
    private(set) var complete = false

    /// Relative size below which tail weights are dropped (e⁻⁵⁰ ≈ 1.93e-22 of the largest weight).
    static let negligibleWeight = 1.9287498479639178e-22
    /// Tail weights are rescaled by this factor (and the running sums with them) before they overflow.
    static let rescale = 0x1p-600
    static let rescaleAbove = 0x1p600
    /// The most states summed (bounds the loop; no queue within the accepted inputs comes near).
    static let maxStates = 20_000_000

    /// The tail of `n ≥ 1` agents on `load` (arrival rate > 0) with `blocking = B(n, a)`.
    init(agents n: Int, load: QueueLoad, blocking b: Double, patienceSeconds: Double, targetSeconds t: Double) {
        agents = n
        traffic = load.trafficErlangs
        arrivalRate = load.arrivalRate
        theta = 1 / patienceSeconds
        nmu = Double(n) / load.ahtSeconds
        // B below 1/Double.greatestFiniteMagnitude (n far above the load): nobody waits to any precision that matters.
        let nobodyWaits = !(1 / b).isFinite
        inverseBlockingMinusOne = nobodyWaits ? 1 : 1 / b - 1
        beta = nmu / theta + 1
        hasThreshold = t > 0
        x = hasThreshold ? -expm1(-theta * t) : 0
        incompleteBeta = hasThreshold ? -expm1(-(nmu + theta) * t) : 0  // I_x(1, β)
        let logT1 = (hasThreshold ? log(x) : -Double.infinity) + beta * (-theta * t) + log(beta)
        stepExponent = hasThreshold && logT1.isFinite ? Int((logT1 / M_LN2).rounded(.down)) : 0
        stepMantissa = hasThreshold && logT1.isFinite ? exp(logT1 - Double(stepExponent) * M_LN2) : 0
        if nobodyWaits {
            weight = 0
            complete = true
        }
    }

    /// States below n relative to π_n, in the current unit (underflows harmlessly when the tail dominates).
    var below: Double { inverseBlockingMinusOne * scale }

    /// Sums further states until the tail is complete or, every `checkInterval` states past the
    /// mode, `stop` returns true for the sums so far.
    @inline(__always)
    mutating func advance(checkInterval: Int = 8, until stop: (ErlangATail) -> Bool) {
        if complete { return }
        let lambda = arrivalRate
        let nmu = nmu
        let theta = theta
        let x = x
        let beta = beta
        let hasThreshold = hasThreshold
        var sumW = sumW
        var sumJW = sumJW
        var servedQueued = servedQueued
        var answeredWithin = answeredWithin
        var waitServed = waitServed
        var harmonic = harmonic
        var scale = scale
        var w = next == 0 ? weight : weight * ratioBound  // resuming: w_J → w_{J+1}
        var maxW = maxWeight
        var pServed = served
        var incompleteBeta = incompleteBeta
        var stepMantissa = stepMantissa
        var stepExponent = stepExponent
        var j = next
        var rate = nmu + Double(j) * theta  // r_j = nμ + jθ
        var done = false
        while true {
            let nextRate = nmu + Double(j + 1) * theta  // r_j + θ
            let inverse = 1 / nextRate
            pServed *= rate * inverse
            harmonic += inverse
            let jd = Double(j)
            sumW += w
            sumJW += jd * w
            let s = w * pServed
            servedQueued += s
            waitServed += s * harmonic
            if hasThreshold {
                answeredWithin += s * max(0, incompleteBeta)
                // I_x(k+1) = I_x(k) − T_k;  T_{k+1} = T_k · x · (k + β)/(k + 1), k = j + 1.
                incompleteBeta -= scalbn(stepMantissa, stepExponent)
                stepMantissa *= x * (jd + 1 + beta) / (jd + 2)
                if stepMantissa > 0x1p500 || (stepMantissa < 0x1p-500 && stepMantissa > 0) {
                    let e = Int(stepMantissa.exponent)
                    stepMantissa = scalbn(stepMantissa, -e)
                    stepExponent += e
                }
            }
            let ratio = lambda * inverse  // w_{j+1} / w_j
            j += 1
            if j >= Self.maxStates {
                done = true
                ratioBound = ratio
                break
            }
            if ratio < 1, w * ratio < maxW * Self.negligibleWeight {
                done = true
                ratioBound = ratio
                break
            }
            if ratio < 1, j % checkInterval == 0 {
                // Publish the state after summing j − 1 (weight w = w_{j−1}) and ask.
                self.sumW = sumW
                self.sumJW = sumJW
                self.servedQueued = servedQueued
                self.answeredWithin = answeredWithin
                self.waitServed = waitServed
                self.harmonic = harmonic
                self.scale = scale
                self.weight = w
                self.next = j
                self.ratioBound = ratio
                if stop(self) {
                    // Save the rest of the loop state; `advance` resumes at state j.
                    self.maxWeight = maxW
                    self.served = pServed
                    self.incompleteBeta = incompleteBeta
                    self.stepMantissa = stepMantissa
                    self.stepExponent = stepExponent
                    return
                }
            }
            rate = nextRate
            w *= ratio
            if w > maxW { maxW = w }
            if w > Self.rescaleAbove {
                w *= Self.rescale
                maxW *= Self.rescale
                sumW *= Self.rescale
                sumJW *= Self.rescale
                servedQueued *= Self.rescale
                answeredWithin *= Self.rescale
                waitServed *= Self.rescale
                scale *= Self.rescale
            }
        }
        if done {
            self.sumW = sumW
            self.sumJW = sumJW
            self.servedQueued = servedQueued
            self.answeredWithin = answeredWithin
            self.waitServed = waitServed
            self.harmonic = harmonic
            self.scale = scale
            self.weight = w
            self.next = j
            complete = true
        }
    }

    /// The metrics from the sums (exact when `complete`; a point estimate otherwise).
    func metrics() -> QueueMetrics {
        let n = Double(agents)
        let below = below
        let z = below + sumW
        let pNoWait = below / z
        let pAnswered = pNoWait + servedQueued / z
        return QueueMetrics(
            trafficErlangs: traffic, agents: agents, waitProbability: sumW / z,
            serviceLevel: pNoWait + answeredWithin / z,
            asaSeconds: pAnswered > 0 ? (waitServed / z) / pAnswered : 0,
            occupancy: traffic * pAnswered / n, abandonRate: theta * (sumJW / z) / arrivalRate, stable: true)
    }

    /// Σ_{j>J} w_j ≤ w_J·q/(1−q) (nil before the mode); zero when complete.
    private var rest: Double? {
        if complete { return 0 }
        let q = ratioBound
        guard q < 1 else { return nil }
        return weight * q / (1 - q)
    }

    /// The lowest and highest possible service level (nil before the mode).
    func serviceLevelRange() -> ClosedRange<Double>? {
        guard let rest else { return nil }
        let below = below
        let zHigh = below + sumW + rest
        let low = (below + answeredWithin) / zHigh
        return low...max(low, (below + answeredWithin + rest) / zHigh)
    }

    /// The lowest and highest possible occupancy (nil before the mode).
    func occupancyRange() -> ClosedRange<Double>? {
        guard let rest else { return nil }
        let below = below
        let zHigh = below + sumW + rest
        let answered = below + servedQueued
        let n = Double(agents)
        let low = traffic * answered / zHigh / n
        return low...max(low, traffic * (answered + rest) / zHigh / n)
    }

    /// The lowest and highest possible abandonment rate (nil before the mode).
    func abandonRateRange() -> ClosedRange<Double>? {
        guard let rest else { return nil }
        let q = ratioBound
        let restJ = complete ? 0 : weight * (Double(next - 1) * q / (1 - q) + q / ((1 - q) * (1 - q)))
        let zLow = below + sumW
        let low = theta * sumJW / (arrivalRate * (zLow + rest))
        return low...max(low, theta * (sumJW + restJ) / (arrivalRate * zLow))
    }

    /// The lowest and highest possible ASA (nil before the mode).
    func asaRange() -> ClosedRange<Double>? {
        guard let rest else { return nil }
        let q = ratioBound
        // Σ_{j>J} w_j·harmonic_j ≤ harmonic_J·rest + Σ_k k·w_J q^k / (nμ + (J+1)θ), and 1/(nμ + (J+1)θ) = q/λ.
        let restWait = complete ? 0 : harmonic * rest + weight * q / ((1 - q) * (1 - q)) * (q / arrivalRate)
        let answered = below + servedQueued
        guard answered > 0 else { return 0...0 }
        let low = waitServed / (answered + rest)
        return low...max(low, (waitServed + restWait) / answered)
    }
}
