/// A 64-bit hash of a feature: a template number and the parts that fill it.
///
/// Features are never materialised as strings. Each string part (a word, a shape, an affix) is hashed once per token
/// into a 64-bit *part* (``part(_:)``: FNV-1a over its UTF-8, then a final mix); a feature then combines its
/// template with a few parts and numbers, one multiply each. So tagging a token costs no allocation per feature, and
/// the words around a token are not hashed again for every feature they fill. The hash is stable across runs and
/// machines (unlike `Hasher`), which the stored model needs.
struct FeatureHash {
    private(set) var state: UInt64

    init(_ template: UInt8) {
        state = (0xCBF2_9CE4_8422_2325 ^ UInt64(template)) &* 0x9E37_79B9_7F4A_7C15
    }

    /// Adds a part (a ``part(_:)`` hash) or any other 64-bit value.
    @inline(__always)
    mutating func add(_ part: UInt64) {
        state = (state ^ part) &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 29
    }

    /// Adds a small number (a distance, a level, a cluster id).
    @inline(__always)
    mutating func add(number: Int) {
        add(UInt64(bitPattern: Int64(number)))
    }

    /// The finished hash, mixed so that its bits are spread evenly.
    var value: UInt64 { Self.mix(state) }

    /// The part hash of a string: FNV-1a over its UTF-8, mixed.
    static func part(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return mix(h)
    }

    /// The part hash of a run of scalars: the same as ``part(_:)`` of the string they make.
    static func part(scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in scalars {
            for byte in UTF8.encode(scalar)! { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        return mix(h)
    }

    /// The copy of feature `hash` private to a genre (`genre` is the genre name's ``part(_:)``): the same feature,
    /// learned only from that genre's data (Daumé 2007, "frustratingly easy domain adaptation").
    @inline(__always)
    static func copy(_ hash: UInt64, genre: UInt64) -> UInt64 {
        mix((hash ^ genre) &+ 0x632B_E59B_D9B4_E019)
    }

    /// A 64-bit finaliser (the one of SplitMix64).
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
