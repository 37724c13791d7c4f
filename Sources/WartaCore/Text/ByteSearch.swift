/// Substring search over UTF-8 bytes, for hot paths where Foundation's `range(of:)` is too slow.
enum ByteSearch {
    /// The first index at or after `from` where `needle` starts in `haystack`.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The last index where `needle` starts in `haystack`.
    static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i -= 1
        }
        return nil
    }

    /// `haystack` cut at every occurrence of `separator`; the whole of it when there is none.
    static func split(_ haystack: [UInt8], separator: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts = [ArraySlice<UInt8>]()
        var start = 0
        while let found = firstIndex(of: separator, in: haystack, from: start) {
            parts.append(haystack[start..<found])
            start = found + separator.count
        }
        parts.append(haystack[start...])
        return parts
    }

    /// For every byte, the needles that start with it.
    static func firstByteTable(_ needles: [[UInt8]]) -> [[Int]] {
        var table = [[Int]](repeating: [], count: 256)
        for (i, needle) in needles.enumerated() where !needle.isEmpty { table[Int(needle[0])].append(i) }
        return table
    }

    /// Whether any needle occurs in `haystack`: one pass, comparing only the needles that start with each byte.
    static func containsAny(_ haystack: [UInt8], _ needles: [[UInt8]], byFirst: [[Int]]) -> Bool {
        let count = haystack.count
        for i in 0..<count {
            for n in byFirst[Int(haystack[i])] {
                let needle = needles[n]
                guard i + needle.count <= count else { continue }
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
        }
        return false
    }
}
