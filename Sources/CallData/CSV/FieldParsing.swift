/// Allocation-free parsers for CSV field bytes.
public enum FieldParsing {
    /// Parses a decimal number: optional sign, digits, optional fraction, optional exponent.
    ///
    /// Numbers with at most 15 significant digits and no exponent take an exact fast path
    /// (integer mantissa divided by a power of ten ≤ 10²², which IEEE division rounds
    /// correctly — Clinger's fast path); others fall back to the standard library's parser.
    /// Surrounding spaces are allowed. Returns `nil` for anything else, including
    /// `nan`, `inf` and empty text.
    @inlinable
    public static func double(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var lo = 0
        var hi = b.count
        while lo < hi, b[lo] == 32 { lo += 1 }
        while hi > lo, b[hi - 1] == 32 { hi -= 1 }
        guard lo < hi else { return nil }
        var i = lo
        var negative = false
        if b[i] == 45 || b[i] == 43 {
            negative = b[i] == 45
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawDigit = false
        while i < hi, b[i] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(b[i] &- 48)
            if mantissa != 0 { digits += 1 }
            sawDigit = true
            i += 1
        }
        if i < hi, b[i] == 46 {
            i += 1
            while i < hi, b[i] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(b[i] &- 48)
                if mantissa != 0 { digits += 1 }
                fractionDigits += 1
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i == hi, digits <= 15, fractionDigits <= 22 {
            var v = Double(mantissa)
            if fractionDigits > 0 { v /= powersOfTen[fractionDigits] }
            return negative ? -v : v
        }
        // Exponent or many digits: validate the tail, then let the standard library round.
        if i < hi, b[i] == 101 || b[i] == 69 {
            i += 1
            if i < hi, b[i] == 45 || b[i] == 43 { i += 1 }
            let start = i
            while i < hi, b[i] &- 48 < 10 { i += 1 }
            guard i > start else { return nil }
        }
        guard i == hi else { return nil }
        let v = Double(String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self))
        return (v?.isFinite ?? false) ? v : nil
    }

    @usableFromInline static let powersOfTen: [Double] = (0...22).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// Parses `0/1`, `true/false`, `yes/no`, `t/f`, `y/n` (any case). `nil` otherwise.
    @inlinable
    public static func bool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var lo = 0
        var hi = b.count
        while lo < hi, b[lo] == 32 { lo += 1 }
        while hi > lo, b[hi - 1] == 32 { hi -= 1 }
        let n = hi - lo
        guard n > 0 else { return nil }
        @inline(__always) func lower(_ k: Int) -> UInt8 { b[lo + k] | 0x20 }
        if n == 1 {
            switch b[lo] {
            case 49, 116, 84, 121, 89: return true  // 1 t T y Y
            case 48, 102, 70, 110, 78: return false  // 0 f F n N
            default: return nil
            }
        }
        if n == 4, lower(0) == 116, lower(1) == 114, lower(2) == 117, lower(3) == 101 { return true }
        if n == 5, lower(0) == 102, lower(1) == 97, lower(2) == 108, lower(3) == 115, lower(4) == 101 { return false }
        if n == 3, lower(0) == 121, lower(1) == 101, lower(2) == 115 { return true }
        if n == 2, lower(0) == 110, lower(1) == 111 { return false }
        return nil
    }

    /// Whether the field is empty or only spaces.
    @inlinable
    public static func isBlank(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in b where c != 32 { return false }
        return true
    }
}
