import CCBC
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A mixed-integer linear program in a form any solver can take: minimise `cᵀx` subject to
/// sparse rows `lower ≤ a·x ≤ upper` and column bounds, some columns integer.
///
/// Built by the planners in this module and solved by COIN-OR CBC (branch and cut) through
/// its C interface; nothing else in Headcount talks to CBC.
public struct MixedIntegerProgram: Sendable {
    /// One decision variable.
    public struct Column: Sendable {
        public var lower: Double
        public var upper: Double
        public var cost: Double
        public var isInteger: Bool
    }

    /// One linear constraint `lower ≤ Σ coefficients·x ≤ upper`.
    public struct Row: Sendable {
        public var indices: [Int32]
        public var coefficients: [Double]
        public var lower: Double
        public var upper: Double
    }

    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []

    public init() {}

    /// Adds a column and returns its index.
    @discardableResult
    public mutating func addColumn(lower: Double = 0, upper: Double = .infinity, cost: Double, integer: Bool) -> Int {
        columns.append(Column(lower: lower, upper: upper, cost: cost, isInteger: integer))
        return columns.count - 1
    }

    /// Adds a row over `(column, coefficient)` terms.
    public mutating func addRow(_ terms: [(Int, Double)], lower: Double = -.infinity, upper: Double = .infinity) {
        rows.append(Row(indices: terms.map { Int32($0.0) }, coefficients: terms.map(\.1), lower: lower, upper: upper))
    }

    /// The outcome of a solve.
    public struct Solution: Sendable {
        /// Variable values (integers rounded), or empty when no feasible solution was found.
        public var values: [Double]
        /// Objective of the best solution found.
        public var objective: Double
        /// The best lower bound CBC proved.
        public var bound: Double
        /// Whether the solution is proven optimal.
        public var provenOptimal: Bool
        /// Whether the problem was proven infeasible.
        public var provenInfeasible: Bool
        /// Relative gap `(objective − bound) / max(|objective|, 1e-9)`.
        public var gap: Double { values.isEmpty ? .infinity : max(0, objective - bound) / max(abs(objective), 1e-9) }
    }

    /// CBC 2.10's solve path keeps process-global state and the stdout guard is process-wide,
    /// so solves are serialised: concurrent callers wait their turn.
    static let solverLock = Mutex(())

    /// How much CBC does around each branch-and-bound node.
    public enum Effort: Sendable, Equatable {
        /// CBC's defaults: root and tree cuts, strong branching, primal heuristics.
        case full
        /// Branch and bound on the LP relaxation alone: no cutting planes, no strong branching
        /// (pseudo-costs from the first branch), no primal heuristics (the MIP start is the
        /// incumbent). Each node then costs one warm-started dual simplex, so a node limit bounds
        /// the work, where with `.full` the root's cut passes and each node's strong branching cost
        /// many LP solves that grow with the program (measured in BENCHMARKS.md, roster at scale: on
        /// the 14-day plan roster's class program, root cuts took 5.5 of 6.5 CPU-s and moved the
        /// bound by 0.07 %). The bound stays valid: it is the LP bound of the open nodes.
        case lean
    }

    /// Solves with CBC within `timeLimit` seconds, starting from `start` (a feasible assignment,
    /// used as the incumbent) when given; stops at relative gap `relativeGap`. Thread-safe
    /// (solves run one at a time).
    ///
    /// With `maxNodes` and an infinite `timeLimit` the solve is deterministic: CBC runs single-threaded
    /// and stops after that many branch-and-bound nodes, whatever the machine's speed; with
    /// `effort: .lean` that node limit also bounds the work (see `Effort`).
    public func solve(
        timeLimit: Double, relativeGap: Double = 1e-6, start: [Double]? = nil, maxNodes: Int? = nil,
        effort: Effort = .full
    ) -> Solution {
        Self.solverLock.withLock { _ in
            solveWithCBC(
                timeLimit: timeLimit, relativeGap: relativeGap, start: start, maxNodes: maxNodes, effort: effort)
        }
    }

    private func solveWithCBC(
        timeLimit: Double, relativeGap: Double, start: [Double]?, maxNodes: Int?, effort: Effort
    ) -> Solution {
        let model = Cbc_newModel()!
        defer { Cbc_deleteModel(model) }
        Cbc_setLogLevel(model, 0)
        // Columns first (empty), then rows.
        // Named columns: CBC's MIP-start code looks columns up by name.
        for (k, c) in columns.enumerated() {
            Cbc_addCol(
                model, "x\(k)", c.lower, c.upper.isFinite ? c.upper : 1e30, c.cost, c.isInteger ? 1 : 0, 0, nil, nil)
        }
        for r in rows {
            var idx = r.indices
            var coef = r.coefficients
            let lo = r.lower.isFinite ? r.lower : -1e30
            let hi = r.upper.isFinite ? r.upper : 1e30
            if lo == hi {
                Cbc_addRow(model, "", Int32(idx.count), &idx, &coef, CChar(UInt8(ascii: "E")), lo)
            } else {
                if lo > -1e30 { Cbc_addRow(model, "", Int32(idx.count), &idx, &coef, CChar(UInt8(ascii: "G")), lo) }
                if hi < 1e30 { Cbc_addRow(model, "", Int32(idx.count), &idx, &coef, CChar(UInt8(ascii: "L")), hi) }
            }
        }
        Cbc_setObjSense(model, 1)
        if timeLimit.isFinite {
            // Wall-clock seconds (CBC counts CPU time by default, which overruns on a busy machine).
            Cbc_setParameter(model, "timeMode", "elapsed")
            Cbc_setMaximumSeconds(model, max(0.01, timeLimit))
        }
        if let maxNodes { Cbc_setMaximumNodes(model, Int32(clamping: max(0, maxNodes))) }
        if effort == .lean {
            // CBC command-line parameters (CbcMain1): `-cutsOnOff off -strongBranching 0 -heuristicsOnOff off`.
            Cbc_setParameter(model, "cutsOnOff", "off")
            Cbc_setParameter(model, "strongBranching", "0")
            Cbc_setParameter(model, "heuristicsOnOff", "off")
        }
        Cbc_setAllowableFractionGap(model, relativeGap)
        if let start, start.count == columns.count {
            var indices = (0..<Int32(columns.count)).map { $0 }
            var values = start
            Cbc_setMIPStartI(model, Int32(columns.count), &indices, &values)
        }
        // CBC writes progress notes (e.g. about MIP starts) to stdout even at log level 0; keep stdout for results.
        let silenced = StandardOutputSilencer()
        _ = Cbc_solve(model)
        silenced.restore()
        let infeasible = Cbc_isProvenInfeasible(model) != 0
        var values: [Double] = []
        if !infeasible, let pointer = Cbc_getColSolution(model),
            Cbc_numberSavedSolutions(model) > 0 || Cbc_isProvenOptimal(model) != 0
        {
            values = (0..<columns.count).map { k in columns[k].isInteger ? pointer[k].rounded() : pointer[k] }
        }
        let objective = values.isEmpty ? .infinity : zip(values, columns).reduce(0) { $0 + $1.0 * $1.1.cost }
        return Solution(
            values: values, objective: objective, bound: Cbc_getBestPossibleObjValue(model),
            provenOptimal: Cbc_isProvenOptimal(model) != 0, provenInfeasible: infeasible)
    }
}

/// Points file descriptor 1 at /dev/null until `restore()`.
struct StandardOutputSilencer {
    let saved: Int32

    init() {
        fflush(nil)
        saved = dup(1)
        let null = open("/dev/null", O_WRONLY)
        if null >= 0 {
            dup2(null, 1)
            close(null)
        }
    }

    func restore() {
        fflush(nil)
        if saved >= 0 {
            dup2(saved, 1)
            close(saved)
        }
    }
}
