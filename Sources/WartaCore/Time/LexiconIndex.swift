/// An open-addressing hash table from lower case ASCII words to their index in ``TimeLexicon``,
/// looked up straight from the bytes of a text: no `String` is made per word.
struct LexiconIndex: Sendable {
    private let bytes: [UInt8]
    private let keyStart: [Int]
    private let keyLength: [Int]
    /// Entry index + 1 per slot; 0 is an empty slot.
    private let slots: [Int32]
    private let mask: Int

    init(keys: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var lengths: [Int] = []
        for k in keys {
            starts.append(bytes.count)
            lengths.append(k.utf8.count)
            bytes.append(contentsOf: k.utf8)
        }
        var size = 16
        while size < keys.count * 4 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (i, k) in keys.enumerated() {
            let key = Array(k.utf8)
            var s = key.withUnsafeBufferPointer { Self.hash($0) } & (size - 1)
            while slots[s] != 0 { s = (s + 1) & (size - 1) }
            slots[s] = Int32(i + 1)
        }
        self.bytes = bytes
        keyStart = starts
        keyLength = lengths
        self.slots = slots
        mask = size - 1
    }

    /// FNV-1a.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: h >> 1)
    }

    /// The entry index of `key`, or nil.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        var s = Self.hash(key) & mask
        while true {
            let e = Int(slots[s])
            if e == 0 { return nil }
            let i = e - 1
            if keyLength[i] == key.count {
                let start = keyStart[i]
                var same = true
                for k in 0..<key.count where bytes[start + k] != key[k] {
                    same = false
                    break
                }
                if same { return i }
            }
            s = (s + 1) & mask
        }
    }
}
