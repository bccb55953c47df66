/// A dense real matrix stored column-major, the layout LAPACK expects.
///
/// `Matrix` is a plain value type: copying is cheap until one copy is mutated
/// (the storage is a Swift array). Element `(row, column)` lives at
/// `elements[row + column * rows]`.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Elements in column-major order; `elements.count == rows * columns`.
    public var elements: [Double]

    /// A `rows × columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from column-major elements.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when the count is not `rows * columns`.
    public init(rows: Int, columns: Int, columnMajor elements: [Double]) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0, elements.count == rows * columns else {
            throw .dimensionMismatch("expected \(rows)×\(columns) = \(rows * columns) elements, got \(elements.count)")
        }
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from an array of rows (convenient in tests and small problems).
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when the rows differ in length.
    public init(rowMajor rowArrays: [[Double]]) throws(LinearAlgebraError) {
        let m = rowArrays.count
        let n = rowArrays.first?.count ?? 0
        var storage = [Double](repeating: 0, count: m * n)
        for (i, row) in rowArrays.enumerated() {
            guard row.count == n else {
                throw .dimensionMismatch("row \(i) has \(row.count) entries, row 0 has \(n)")
            }
            for j in 0..<n { storage[i + j * m] = row[j] }
        }
        self.rows = m
        self.columns = n
        self.elements = storage
    }

    /// The `n × n` identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    /// Element access by (row, column).
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { elements[row + column * rows] }
        set { elements[row + column * rows] = newValue }
    }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t[j, i] = self[i, j] }
        }
        return t
    }

    /// Matrix product `self × other`.
    /// - Precondition: `columns == other.rows`.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows, "matrix product needs lhs.columns == rhs.rows")
        var out = Matrix(rows: lhs.rows, columns: rhs.columns)
        lhs.elements.withUnsafeBufferPointer { a in
            rhs.elements.withUnsafeBufferPointer { b in
                out.elements.withUnsafeMutableBufferPointer { c in
                    for j in 0..<rhs.columns {
                        for k in 0..<lhs.columns {
                            let bkj = b[k + j * rhs.rows]
                            if bkj == 0 { continue }
                            for i in 0..<lhs.rows { c[i + j * lhs.rows] += a[i + k * lhs.rows] * bkj }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Matrix-vector product `self × x`.
    public func multiply(_ x: [Double]) -> [Double] {
        precondition(x.count == columns, "vector length must equal the column count")
        var y = [Double](repeating: 0, count: rows)
        for j in 0..<columns where x[j] != 0 {
            let xj = x[j]
            for i in 0..<rows { y[i] += self[i, j] * xj }
        }
        return y
    }
}
