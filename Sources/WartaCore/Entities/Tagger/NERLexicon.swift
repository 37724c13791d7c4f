internal import Foundation

/// Small closed word lists the tagger's features consult: titles before a person, prepositions before a place, head
/// words of places and organisations, words beside a person, and the abbreviations that keep their dot.
///
/// The standard lexicon is `Resources/Entities/ner-lexicon.tsv`. A trained ``NERModel`` stores the lexicon it was
/// trained with, so that tagging computes exactly the features training saw.
public struct NERLexicon: Sendable, Hashable {
    /// What a phrase of the lexicon says about the words around it.
    public enum WordClass: String, Sendable, CaseIterable {
        case title
        case placePreposition = "place-prep"
        case locationCue = "loc-cue"
        case organizationCue = "org-cue"
        case personCue = "per-cue"

        var bit: UInt8 { UInt8(1) << UInt8(Self.allCases.firstIndex(of: self)!) }
    }

    /// The lexicon's text, as read; a model stores it.
    public let source: String
    /// Lower-cased abbreviations, without their dot, that keep the dot when text is tokenized.
    let abbreviations: Set<String>
    /// Phrases by their last word: the words before it and the class bits.
    private let phrases: [String: [(before: [String], classes: UInt8)]]

    /// The lexicon shipped with Warta.
    public static let standard: NERLexicon = {
        guard
            let url = Bundle.module.url(
                forResource: "ner-lexicon", withExtension: "tsv", subdirectory: "Resources/Entities"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            preconditionFailure("Warta's resource Resources/Entities/ner-lexicon.tsv is missing from the bundle")
        }
        do {
            return try NERLexicon(tsv: text, name: "ner-lexicon.tsv")
        } catch {
            preconditionFailure("Warta's tagger lexicon is malformed: \(error)")
        }
    }()

    /// Parses a lexicon: `class<TAB>phrase` a line, `#` comments, blank lines ignored.
    ///
    /// - Throws: ``NERError`` naming the malformed line.
    public init(tsv: String, name: String) throws {
        var abbreviations: Set<String> = []
        var phrases: [String: [(before: [String], classes: UInt8)]] = [:]
        for (index, raw) in CoNLL.lines(tsv).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            let words = columns.count == 2 ? columns[1].split(separator: " ").map { Self.key(String($0)) } : []
            guard columns.count == 2, !words.isEmpty, !words.contains("") else {
                throw NERError(code: "malformed", source: "\(name):\(index + 1)", message: "expected class<TAB>phrase")
            }
            if columns[0] == "abbreviation" {
                abbreviations.insert(words.joined(separator: " "))
                continue
            }
            guard let wordClass = WordClass(rawValue: String(columns[0])) else {
                throw NERError(
                    code: "malformed", source: "\(name):\(index + 1)",
                    message: "unknown class \"\(columns[0])\"; expected one of "
                        + (WordClass.allCases.map(\.rawValue) + ["abbreviation"]).joined(separator: ", "))
            }
            let last = words.last!
            let before = Array(words.dropLast())
            var entries = phrases[last, default: []]
            if let found = entries.firstIndex(where: { $0.before == before }) {
                entries[found].classes |= wordClass.bit
            } else {
                entries.append((before, wordClass.bit))
            }
            phrases[last] = entries
        }
        self.source = tsv
        self.abbreviations = abbreviations
        self.phrases = phrases
    }

    /// The lookup form of a word: lower-cased, without the punctuation around it (`Tn.` and `Tn` are one word, so
    /// are `(PKB)` and `PKB`); a token of punctuation only is kept as it is.
    static func key(_ word: String) -> String {
        let scalars = word.unicodeScalars
        guard let first = scalars.firstIndex(where: NERTokenizer.isWordScalar),
            let last = scalars.lastIndex(where: NERTokenizer.isWordScalar)
        else { return word }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return word.lowercased() }
        return String(scalars[first...last]).lowercased()
    }

    /// Whether some phrase of the lexicon ends with the word `key`.
    func endsPhrase(_ key: String) -> Bool { phrases[key] != nil }

    /// The classes of the lexicon phrases that end at `keys[index]` (bit set of ``WordClass/bit``).
    func classes(endingAt index: Int, keys: [String]) -> UInt8 {
        guard index >= 0, index < keys.count, let entries = phrases[keys[index]] else { return 0 }
        var bits: UInt8 = 0
        for entry in entries where entry.before.count <= index {
            var matches = true
            for (offset, word) in entry.before.enumerated() where keys[index - entry.before.count + offset] != word {
                matches = false
                break
            }
            if matches { bits |= entry.classes }
        }
        return bits
    }

    public static func == (lhs: NERLexicon, rhs: NERLexicon) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
