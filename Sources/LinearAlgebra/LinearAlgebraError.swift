/// Errors raised by the `LinearAlgebra` layer; LAPACK `info` codes become these.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Shapes that cannot work together (the message says which).
    case dimensionMismatch(String)
    /// A LAPACK routine reported an illegal argument (`info < 0`): a bug in this layer.
    case illegalArgument(routine: String, position: Int32)
    /// The matrix passed to a Cholesky routine is not positive definite
    /// (`dpotrf` `info = k > 0`: the leading minor of order `k` is not positive).
    case notPositiveDefinite(minorOrder: Int32)
    /// An SVD-based routine failed to converge (`dgesdd`/`dgelsd` `info > 0`).
    case noConvergence(routine: String, info: Int32)

    public var description: String {
        switch self {
        case .dimensionMismatch(let message): "dimension mismatch: \(message)"
        case .illegalArgument(let routine, let position): "\(routine): illegal value in argument \(position)"
        case .notPositiveDefinite(let k): "matrix is not positive definite (leading minor \(k))"
        case .noConvergence(let routine, let info): "\(routine) did not converge (info \(info))"
        }
    }
}
