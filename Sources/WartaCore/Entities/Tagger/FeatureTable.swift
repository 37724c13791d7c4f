/// Feature hash → weight row, as an open-addressing table with linear probing.
///
/// Feature hashes are already well mixed, so they index the table as they are; this is several times faster than
/// `Dictionary`, which hashes its keys again with SipHash. A slot is one `UInt64`: the high 32 bits of the hash it
/// holds and its row + 1 (0 is an empty slot), so a lookup reads one cache line of the table, not two. A feature the
/// model does not have is taken for one it has only if their high 32 bits agree and the other sits in the probe run
/// its low bits lead to: with the table at most half full, about once in a billion lookups, and then it adds one
/// feature's small weights to one token's scores. Built from keys in sorted order, so equal contents give equal
/// tables.
struct FeatureTable: Sendable, Hashable {
    private var slots: [UInt64]
    private let mask: Int

    init(_ rows: [UInt64: Int32]) {
        var capacity = 16
        while capacity < rows.count * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        for (key, value) in rows.sorted(by: { $0.key < $1.key }) {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (key & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(value) + 1)
        }
    }

    /// The row of `key`, if the model has one.
    @inline(__always)
    func row(_ key: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            let high = key & 0xFFFF_FFFF_0000_0000
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if entry & 0xFFFF_FFFF_0000_0000 == high { return Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1 }
                slot = (slot + 1) & mask
            }
        }
    }
}
