internal import Foundation

/// Phrases that mark a line as boilerplate, loaded from `Resources/Cleaning/boilerplate.tsv` and from
/// users' own files in the same format.
public struct BoilerplateLexicon: Sendable {
    enum Match: String, Sendable {
        case exact
        case prefix
        case shortPrefix = "short-prefix"
    }

    struct Entry: Sendable {
        var rule: String
        var match: Match
        var phrase: String
    }

    private var exact: [String: String] = [:]
    private var prefixes: [Entry] = []
    /// The positions in ``prefixes`` of the phrases that start with each pair of bytes (a shorter phrase
    /// under its one byte), in order: a line is compared with the few phrases that can match it.
    private var prefixIndex: [UInt16: [Int]] = [:]

    private static func index(_ entries: [Entry]) -> [UInt16: [Int]] {
        var index = [UInt16: [Int]]()
        for (i, entry) in entries.enumerated() {
            index[lead(entry.phrase.utf8), default: []].append(i)
        }
        return index
    }

    /// The first two bytes of a text, or its one byte with 0xFF in front.
    private static func lead(_ bytes: String.UTF8View) -> UInt16 {
        var iterator = bytes.makeIterator()
        guard let first = iterator.next() else { return 0xFFFF }
        guard let second = iterator.next() else { return 0xFF00 | UInt16(first) }
        return UInt16(first) << 8 | UInt16(second)
    }

    /// The lexicon shipped with Warta.
    public static let standard: BoilerplateLexicon = {
        guard let url = Bundle.module.url(forResource: "boilerplate", withExtension: "tsv", subdirectory: "Resources/Cleaning"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure("Warta's resource Resources/Cleaning/boilerplate.tsv is missing from the bundle")
        }
        do {
            return try BoilerplateLexicon(tsv: text, name: "boilerplate.tsv")
        } catch {
            preconditionFailure("Warta's boilerplate lexicon is malformed: \(error)")
        }
    }()

    /// Parses a lexicon file: `rule<TAB>match<TAB>phrase` a line, `#` comments.
    ///
    /// - Throws: ``LexiconError`` naming the line that is malformed.
    public init(tsv: String, name: String) throws {
        for (index, raw) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 3, let match = Match(rawValue: String(columns[1])), !columns[2].isEmpty else {
                throw LexiconError(file: name, line: index + 1, message: "expected rule<TAB>exact|prefix|short-prefix<TAB>phrase")
            }
            add(Entry(rule: String(columns[0]), match: match, phrase: LineText.key(String(columns[2]))))
        }
        prefixIndex = Self.index(prefixes)
    }

    /// This lexicon with the entries of `other` added.
    public func merging(_ other: BoilerplateLexicon) -> BoilerplateLexicon {
        var merged = self
        for (phrase, rule) in other.exact { merged.exact[phrase] = rule }
        merged.prefixes.append(contentsOf: other.prefixes)
        merged.prefixIndex = Self.index(merged.prefixes)
        return merged
    }

    private mutating func add(_ entry: Entry) {
        if entry.match == .exact {
            exact[entry.phrase] = entry.rule
        } else {
            prefixes.append(entry)
        }
    }

    /// The rule that marks `line` as boilerplate, if any.
    func rule(for line: LineText) -> String? {
        if let rule = exact[line.key] { return rule }
        if let last = line.key.unicodeScalars.last, LineText.trailingPunctuation.contains(last), let rule = exact[line.keyWithoutTrailingPunctuation] {
            return rule
        }
        guard !prefixes.isEmpty, let first = line.key.utf8.first else { return nil }
        let candidates = (prefixIndex[Self.lead(line.key.utf8)] ?? []) + (prefixIndex[0xFF00 | UInt16(first)] ?? [])
        for entry in candidates.sorted().map({ prefixes[$0] }) where line.key.utf8.starts(with: entry.phrase.utf8) {
            let limit = entry.match == .shortPrefix ? 8 : 25
            // A prefix must end at a word boundary ("follow us" must not match "follow used").
            let rest = line.key.dropFirst(entry.phrase.count)
            let boundary = rest.first.map { !($0.isLetter || $0.isNumber) } ?? true
            if boundary || entry.phrase.last.map({ !$0.isLetter }) == true, line.tokenCount <= limit {
                return entry.rule
            }
        }
        return nil
    }
}

/// A lexicon or resource file that cannot be read.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}
