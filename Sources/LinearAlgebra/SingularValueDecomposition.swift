import CLAPACK

/// A thin singular value decomposition `A = U · diag(σ) · Vᵀ`.
public struct SingularValueDecomposition: Sendable {
    /// Left singular vectors, `rows × k` with `k = min(rows, columns)`; orthonormal columns.
    public var u: Matrix
    /// Singular values, non-negative, in non-increasing order (`k` of them).
    public var singularValues: [Double]
    /// Right singular vectors transposed, `k × columns`; orthonormal rows.
    public var vt: Matrix
}

extension Matrix {
    /// The thin SVD by LAPACK `dgesdd` (divide and conquer, `JOBZ = 'S'`).
    ///
    /// Singular vectors are unique only up to sign (and rotation within repeated
    /// singular values); compare reconstructions or absolute values in tests.
    /// - Throws: `LinearAlgebraError.noConvergence` if the bidiagonal SVD fails.
    public func singularValueDecomposition() throws(LinearAlgebraError) -> SingularValueDecomposition {
        let k = min(rows, columns)
        if k == 0 {
            return SingularValueDecomposition(
                u: Matrix(rows: rows, columns: 0), singularValues: [], vt: Matrix(rows: 0, columns: columns))
        }
        var jobz: CChar = 83  // "S"
        var m = Int32(rows)
        var n = Int32(columns)
        var a = elements
        var lda = max(1, m)
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: rows * k)
        var ldu = max(1, m)
        var vt = [Double](repeating: 0, count: k * columns)
        var ldvt = Int32(max(1, k))
        var iwork = [Int32](repeating: 0, count: 8 * k)
        var info: Int32 = 0
        var lwork: Int32 = -1
        var workSize = 0.0
        dgesdd_(&jobz, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &workSize, &lwork, &iwork, &info, 1)
        try Self.check(info, routine: "dgesdd")
        lwork = Int32(workSize)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        dgesdd_(&jobz, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info, 1)
        try Self.check(info, routine: "dgesdd")
        return SingularValueDecomposition(
            u: try Matrix(rows: rows, columns: k, columnMajor: u),
            singularValues: s,
            vt: try Matrix(rows: k, columns: columns, columnMajor: vt)
        )
    }
}
