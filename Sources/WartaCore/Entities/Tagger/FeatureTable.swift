/// Feature hash → weight row, as an open-addressing table with linear probing.
///
/// Feature hashes are already well mixed, so they index the table as they are; this is several times faster than
/// `Dictionary`, which hashes its keys again with SipHash. Built from keys in sorted order, so equal contents give
/// equal tables.
struct FeatureTable: Sendable, Hashable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let mask: Int

    init(_ rows: [UInt64: Int32]) {
        var capacity = 16
        while capacity < rows.count * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (key, value) in rows.sorted(by: { $0.key < $1.key }) {
            var slot = Int(truncatingIfNeeded: key) & mask
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// The row of `key`, if the model has one.
    @inline(__always)
    func row(_ key: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let value = values[slot]
            if value < 0 { return nil }
            if keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
    }
}
