import CLAPACK

extension Matrix {
    /// Solves `self · X = B` for a symmetric positive-definite `self` by Cholesky
    /// factorisation (LAPACK `dpotrf` then `dpotrs`; only the lower triangle is read).
    ///
    /// Used for penalised (ridge) normal equations `(XᵀX + λI) β = Xᵀy`, which are
    /// positive definite for `λ > 0`.
    /// - Parameter b: right-hand sides, `rows × r`.
    /// - Returns: `X`, `rows × r`.
    /// - Throws: `LinearAlgebraError.notPositiveDefinite` naming the failing leading minor;
    ///   `.dimensionMismatch` for non-square `self` or a mismatched `b`.
    public func choleskySolve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard rows == columns else {
            throw .dimensionMismatch("Cholesky needs a square matrix, got \(rows)×\(columns)")
        }
        guard b.rows == rows else { throw .dimensionMismatch("right-hand side has \(b.rows) rows, matrix has \(rows)") }
        if rows == 0 { return b }
        var uplo: CChar = 76  // "L"
        var n = Int32(rows)
        var a = elements
        var lda = max(1, n)
        var info: Int32 = 0
        dpotrf_(&uplo, &n, &a, &lda, &info, 1)
        if info < 0 { throw .illegalArgument(routine: "dpotrf", position: -info) }
        if info > 0 { throw .notPositiveDefinite(minorOrder: info) }
        var nrhs = Int32(b.columns)
        var x = b.elements
        var ldb = max(1, n)
        dpotrs_(&uplo, &n, &nrhs, &a, &lda, &x, &ldb, &info, 1)
        if info < 0 { throw .illegalArgument(routine: "dpotrs", position: -info) }
        return try Matrix(rows: b.rows, columns: b.columns, columnMajor: x)
    }

    /// Solves `self · x = b` for one right-hand side (see `choleskySolve(_:)` for matrices).
    public func choleskySolve(_ b: [Double]) throws(LinearAlgebraError) -> [Double] {
        let rhs = try Matrix(rows: b.count, columns: 1, columnMajor: b)
        return try choleskySolve(rhs).elements
    }
}
