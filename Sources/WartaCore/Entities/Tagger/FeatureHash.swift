/// A 64-bit hash of a feature: a template number and the strings that fill it (FNV-1a over UTF-8, then a final mix).
///
/// Features are never materialised as strings: the tagger hashes the parts straight into this value, so tagging a
/// token costs no allocation per feature. The hash is stable across runs and machines (unlike `Hasher`), which the
/// stored model needs.
struct FeatureHash {
    private(set) var state: UInt64

    init(_ template: UInt8) {
        state = 0xCBF2_9CE4_8422_2325
        add(byte: template)
    }

    @inline(__always)
    mutating func add(byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Adds a string part, closed by a separator byte so that ("ab", "c") and ("a", "bc") differ.
    @inline(__always)
    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte: byte) }
        add(byte: 0xFF)
    }

    /// Adds a run of scalars as UTF-8, closed like a string part (the same hash as the string they make).
    @inline(__always)
    mutating func add(scalars: ArraySlice<Unicode.Scalar>) {
        for scalar in scalars {
            for byte in UTF8.encode(scalar)! { add(byte: byte) }
        }
        add(byte: 0xFF)
    }

    @inline(__always)
    mutating func add(_ number: Int) {
        var value = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            add(byte: UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }

    /// The finished hash, mixed so that its bits are spread evenly.
    var value: UInt64 {
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
