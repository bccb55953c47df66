import CLAPACK

/// The solution of a linear least-squares problem `min ‖A x − b‖₂`.
public struct LeastSquaresSolution: Sendable {
    /// The minimum-norm minimiser `x` (length `A.columns`).
    public var coefficients: [Double]
    /// The effective rank of `A` at the chosen reciprocal condition number.
    public var rank: Int
    /// Singular values of `A`, largest first.
    public var singularValues: [Double]
}

extension Matrix {
    /// Minimum-norm least squares `min ‖self · x − b‖₂` by LAPACK `dgelsd`
    /// (SVD with divide and conquer).
    ///
    /// Rank-deficient problems are safe: singular values below
    /// `rcond × σ_max` are treated as zero and the minimum-norm solution is returned.
    /// - Parameters:
    ///   - b: right-hand side, `rows` entries.
    ///   - rcond: relative cut-off for small singular values; a negative value
    ///     means machine precision.
    /// - Throws: `LinearAlgebraError.dimensionMismatch`, `.noConvergence`.
    public func leastSquares(_ b: [Double], rcond: Double = -1) throws(LinearAlgebraError) -> LeastSquaresSolution {
        guard b.count == rows else {
            throw .dimensionMismatch("right-hand side has \(b.count) entries, matrix has \(rows) rows")
        }
        var m = Int32(rows)
        var n = Int32(columns)
        var nrhs: Int32 = 1
        var a = elements
        var lda = max(1, m)
        var ldb = max(1, max(m, n))
        var rhs = [Double](repeating: 0, count: Int(ldb))
        for i in 0..<rows { rhs[i] = b[i] }
        var s = [Double](repeating: 0, count: max(1, min(rows, columns)))
        var rc = rcond
        var rank: Int32 = 0
        var info: Int32 = 0
        // Workspace query.
        var lwork: Int32 = -1
        var workSize = 0.0
        var iworkSize: Int32 = 0
        dgelsd_(&m, &n, &nrhs, &a, &lda, &rhs, &ldb, &s, &rc, &rank, &workSize, &lwork, &iworkSize, &info)
        try Self.check(info, routine: "dgelsd")
        lwork = Int32(workSize)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        var iwork = [Int32](repeating: 0, count: max(1, Int(iworkSize)))
        dgelsd_(&m, &n, &nrhs, &a, &lda, &rhs, &ldb, &s, &rc, &rank, &work, &lwork, &iwork, &info)
        try Self.check(info, routine: "dgelsd")
        return LeastSquaresSolution(
            coefficients: Array(rhs.prefix(columns)),
            rank: Int(rank),
            singularValues: Array(s.prefix(min(rows, columns)))
        )
    }

    static func check(_ info: Int32, routine: String) throws(LinearAlgebraError) {
        if info < 0 { throw .illegalArgument(routine: routine, position: -info) }
        if info > 0 { throw .noConvergence(routine: routine, info: info) }
    }
}
