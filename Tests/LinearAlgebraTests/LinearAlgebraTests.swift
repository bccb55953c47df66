import Testing

@testable import LinearAlgebra

/// Expected values come from closed forms worked by hand in each test's comment.
@Suite struct LinearAlgebraTests {
    @Test func leastSquaresRecoversExactLine() throws {
        // y = 1 + 2x on x = 0...4 is fitted exactly: coefficients (1, 2).
        let xs: [Double] = [0, 1, 2, 3, 4]
        let a = try Matrix(rowMajor: xs.map { [1, $0] })
        let fit = try a.leastSquares(xs.map { 1 + 2 * $0 })
        #expect(abs(fit.coefficients[0] - 1) < 1e-12)
        #expect(abs(fit.coefficients[1] - 2) < 1e-12)
        #expect(fit.rank == 2)
    }

    @Test func leastSquaresOverdeterminedMatchesNormalEquations() throws {
        // Points (0,1), (1,3), (2,2): slope = Sxy/Sxx = 0.5, intercept = ȳ − 0.5·x̄ = 1.5.
        let a = try Matrix(rowMajor: [[1, 0], [1, 1], [1, 2]])
        let fit = try a.leastSquares([1, 3, 2])
        #expect(abs(fit.coefficients[0] - 1.5) < 1e-12)
        #expect(abs(fit.coefficients[1] - 0.5) < 1e-12)
    }

    @Test func leastSquaresRankDeficientGivesMinimumNorm() throws {
        // Two identical columns: every x with x1 + x2 = 2 fits; the minimum-norm one is (1, 1).
        let a = try Matrix(rowMajor: [[1, 1], [1, 1], [1, 1]])
        let fit = try a.leastSquares([2, 2, 2])
        #expect(fit.rank == 1)
        #expect(abs(fit.coefficients[0] - 1) < 1e-12)
        #expect(abs(fit.coefficients[1] - 1) < 1e-12)
    }

    @Test func leastSquaresRejectsWrongRightHandSide() throws {
        let a = try Matrix(rowMajor: [[1, 0], [0, 1]])
        #expect(throws: LinearAlgebraError.self) { try a.leastSquares([1, 2, 3]) }
    }

    @Test func svdOfTwoByTwo() throws {
        // AᵀA = [[25, 20], [20, 25]] has eigenvalues 45 and 5, so σ = √45, √5.
        let a = try Matrix(rowMajor: [[3, 0], [4, 5]])
        let svd = try a.singularValueDecomposition()
        #expect(abs(svd.singularValues[0] - 45.0.squareRoot()) < 1e-12)
        #expect(abs(svd.singularValues[1] - 5.0.squareRoot()) < 1e-12)
        // Reconstruction U Σ Vᵀ = A.
        var sigma = Matrix(rows: 2, columns: 2)
        sigma[0, 0] = svd.singularValues[0]
        sigma[1, 1] = svd.singularValues[1]
        let back = svd.u * sigma * svd.vt
        for (x, y) in zip(back.elements, a.elements) { #expect(abs(x - y) < 1e-12) }
    }

    @Test func svdOfRankOneMatrix() throws {
        // u vᵀ with u = (1, 2, 2), v = (3, 4): single singular value ‖u‖‖v‖ = 3 · 5 = 15.
        let a = try Matrix(rowMajor: [[3, 4], [6, 8], [6, 8]])
        let svd = try a.singularValueDecomposition()
        #expect(abs(svd.singularValues[0] - 15) < 1e-12)
        #expect(abs(svd.singularValues[1]) < 1e-12)
        // First right singular vector is ±(0.6, 0.8).
        #expect(abs(abs(svd.vt[0, 0]) - 0.6) < 1e-12)
        #expect(abs(abs(svd.vt[0, 1]) - 0.8) < 1e-12)
    }

    @Test func choleskySolvesSPDSystem() throws {
        // [[4, 2], [2, 3]] x = (2, 1): inverse is [[3, −2], [−2, 4]] / 8, so x = (0.5, 0).
        let a = try Matrix(rowMajor: [[4, 2], [2, 3]])
        let x = try a.choleskySolve([2, 1])
        #expect(abs(x[0] - 0.5) < 1e-14)
        #expect(abs(x[1]) < 1e-14)
    }

    @Test func choleskyReportsIndefiniteMatrix() throws {
        // [[1, 2], [2, 1]] has eigenvalues 3 and −1; the second leading minor is −3.
        let a = try Matrix(rowMajor: [[1, 2], [2, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(minorOrder: 2)) { try a.choleskySolve([1, 1]) }
    }

    @Test func matrixProductAndTranspose() throws {
        let a = try Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        let p = a * a.transposed
        // [[1+4+9, 4+10+18], [.., 16+25+36]] = [[14, 32], [32, 77]]
        #expect(p == (try Matrix(rowMajor: [[14, 32], [32, 77]])))
        #expect(a.multiply([1, 0, -1]) == [-2, -2])
    }
}
