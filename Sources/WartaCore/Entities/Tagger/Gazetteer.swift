/// Known names and their entity types, matched in token sequences by longest match.
///
/// Keys are lower-cased names whose tokens are separated by one space (`"kalimantan timur"`); values are sets of
/// `PER`, `ORG` and `LOC` (`GPE` is read as `LOC`). The main package builds one from its knowledge base; the tagger
/// turns matches into features, so a name in the gazetteer is a strong hint, not a verdict.
///
/// ```swift
/// let gazetteer = Gazetteer(names: [("Joko Widodo", "PER"), ("Kalimantan Timur", "LOC")])
/// gazetteer.matches(in: ["Joko", "Widodo", "ke", "Kalimantan", "Timur"])
/// // [(0, 2, ["PER"]), (3, 5, ["LOC"])]
/// ```
public struct Gazetteer: Sendable, Hashable {
    /// The types the tagger knows.
    public static let types = ["PER", "ORG", "LOC"]

    /// Lower-cased, space-separated name → its types.
    public private(set) var entries: [String: Set<String>] = [:]
    /// For each first word of a name, the most words a name starting with it has.
    private var longest: [String: Int] = [:]

    /// An empty gazetteer.
    public init() {}

    /// A gazetteer of lower-cased, space-separated names (`"kalimantan timur"`) and their types.
    public init(_ entries: [String: Set<String>]) {
        for (name, types) in entries {
            for type in types { insert(key: name.split(separator: " ").map(String.init), type: type) }
        }
    }

    /// A gazetteer of names as written (`"Kim Jong-un"`, `"Tn. Ahmad"`) and their types; names are tokenized as
    /// ``NERTokenizer`` tokenizes text. Types other than PER, ORG, LOC and GPE are ignored.
    public init<S: Sequence>(names: S) where S.Element == (String, String) {
        for (name, type) in names { insert(name: name, type: type) }
    }

    /// The number of names.
    public var count: Int { entries.count }

    /// Adds a name as written, tokenized as ``NERTokenizer`` does; a name with hyphens is also added with them split
    /// off (`kim jong - un`), as some corpora write it.
    public mutating func insert(name: String, type: String) {
        let words = NERTokenizer.tokens(in: name).map { NERLexicon.key($0.text) }
        insert(key: words, type: type)
        if words.contains(where: { $0.count > 1 && $0.contains("-") }) {
            let split = words.flatMap { word -> [String] in
                guard word.count > 1, word.contains("-") else { return [word] }
                var parts: [String] = []
                for (index, part) in word.split(separator: "-", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { parts.append("-") }
                    if !part.isEmpty { parts.append(String(part)) }
                }
                return parts
            }
            insert(key: split, type: type)
        }
    }

    private mutating func insert(key words: [String], type: String) {
        let type = type == "GPE" ? "LOC" : type.uppercased()
        guard Self.types.contains(type), let first = words.first, !first.isEmpty else { return }
        entries[words.joined(separator: " "), default: []].insert(type)
        longest[first] = max(longest[first] ?? 0, words.count)
    }

    /// The leftmost-longest matches of names in `tokens`, as half-open token ranges with their types.
    ///
    /// - Complexity: O(n·k) for n tokens and names of at most k words.
    public func matches(in tokens: [String]) -> [(start: Int, end: Int, types: Set<String>)] {
        matches(keys: tokens.map(NERLexicon.key))
    }

    /// Whether some name starts with the word `key` (in lookup form).
    func startsName(_ key: String) -> Bool { longest[key] != nil }

    /// ``matches(in:)`` over tokens already in lookup form (``NERLexicon/key(_:)``); `starts`, if given, says which
    /// tokens can start a name (``startsName(_:)``), so the others are not looked up.
    func matches(keys: [String], starts: [Bool]? = nil) -> [(start: Int, end: Int, types: Set<String>)] {
        var result: [(start: Int, end: Int, types: Set<String>)] = []
        var start = 0
        while start < keys.count {
            guard starts?[start] ?? true, let most = longest[keys[start]] else {
                start += 1
                continue
            }
            var found: (Int, Set<String>)? = nil
            var length = min(most, keys.count - start)
            while length > 0 {
                let key = length == 1 ? keys[start] : keys[start..<start + length].joined(separator: " ")
                if let types = entries[key] {
                    found = (length, types)
                    break
                }
                length -= 1
            }
            if let (length, types) = found {
                result.append((start, start + length, types))
                start += length
            } else {
                start += 1
            }
        }
        return result
    }

    public static func == (lhs: Gazetteer, rhs: Gazetteer) -> Bool { lhs.entries == rhs.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries.count) }
}
