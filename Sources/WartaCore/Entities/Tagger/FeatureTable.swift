/// Feature hash → weights, as an open-addressing table with linear probing and the weights in the slots.
///
/// Feature hashes are already well mixed, so they index the table as they are; this is several times faster than
/// `Dictionary`, which hashes its keys again with SipHash. A slot holds a 32-bit fingerprint of its hash (the high
/// 31 bits, with the lowest bit set so that 0 marks an empty slot) and the feature's `labels` weights as `Int16`, so a
/// lookup reads one place in memory. A feature the model does not have is taken for one it has only if their
/// fingerprints agree and the other sits in the probe run its low bits lead to: with the table at most half full,
/// about once in a billion lookups, and then it adds one feature's small weights to one token's scores. Built from
/// keys in sorted order, so equal contents give equal tables.
struct FeatureTable: Sendable, Hashable {
    /// `capacity × stride` words; slot `s` starts at byte `s × stride × 8`: UInt32 fingerprint, then the weights.
    private var storage: [UInt64]
    private let mask: Int
    /// Words a slot.
    private let stride: Int
    let labels: Int

    /// A table of `rows` (hash → row), row `r`'s weights being `weights[r * labels ..< (r + 1) * labels]`.
    init(_ rows: [UInt64: Int32], weights: [Int16], labels: Int) {
        precondition(weights.count == rows.count * labels, "one row of weights per feature")
        var capacity = 16
        while capacity < rows.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        let stride = (4 + 2 * labels + 7) / 8
        self.mask = mask
        self.stride = stride
        self.labels = labels
        var storage = [UInt64](repeating: 0, count: capacity * stride)
        storage.withUnsafeMutableBytes { bytes in
            for (key, row) in rows.sorted(by: { $0.key < $1.key }) {
                var slot = Int(truncatingIfNeeded: key) & mask
                while bytes.load(fromByteOffset: slot * stride * 8, as: UInt32.self) != 0 { slot = (slot + 1) & mask }
                let base = slot * stride * 8
                bytes.storeBytes(of: Self.fingerprint(key), toByteOffset: base, as: UInt32.self)
                for k in 0..<labels {
                    bytes.storeBytes(of: weights[Int(row) * labels + k], toByteOffset: base + 4 + 2 * k, as: Int16.self)
                }
            }
        }
        self.storage = storage
    }

    @inline(__always)
    static func fingerprint(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 32) | 1 }

    /// Adds the weights of `key` to `sums[0 ..< labels]`; false if the model has no such feature.
    @inline(__always)
    @discardableResult
    func add(_ key: UInt64, into sums: UnsafeMutablePointer<Int32>) -> Bool {
        storage.withUnsafeBytes { bytes in
            let wanted = Self.fingerprint(key)
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let base = slot * stride * 8
                let found = bytes.load(fromByteOffset: base, as: UInt32.self)
                if found == 0 { return false }
                if found == wanted {
                    for k in 0..<labels {
                        sums[k] &+= Int32(bytes.load(fromByteOffset: base + 4 + 2 * k, as: Int16.self))
                    }
                    return true
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The weights of `key`, if the model has it.
    func weights(_ key: UInt64) -> [Int32]? {
        var sums = [Int32](repeating: 0, count: labels)
        let found = sums.withUnsafeMutableBufferPointer { add(key, into: $0.baseAddress!) }
        return found ? sums : nil
    }
}
