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
    }

    /// This lexicon with the entries of `other` added.
    public func merging(_ other: BoilerplateLexicon) -> BoilerplateLexicon {
        var merged = self
        for (phrase, rule) in other.exact { merged.exact[phrase] = rule }
        merged.prefixes.append(contentsOf: other.prefixes)
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
        if let rule = exact[line.key] ?? exact[line.keyWithoutTrailingPunctuation] { return rule }
        for entry in prefixes where line.key.hasPrefix(entry.phrase) {
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
