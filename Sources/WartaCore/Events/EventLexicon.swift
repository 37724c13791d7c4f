public import Foundation

/// Event triggers and modality cues, loaded from `Resources/Events/*.tsv` and users' own files in the same format.
public struct EventLexicon: Sendable {
    public struct Trigger: Sendable, Hashable {
        public enum Roles: String, Sendable { case agent, passive, symmetric }
        public var language: String
        public var type: String
        public var mode: String?
        public var roles: Roles
        /// Lower-case words; the last may end in `*` (any ending).
        public var words: [String]
    }

    public struct Cue: Sendable, Hashable {
        public var language: String
        public var modality: String
        public var words: [String]
    }

    public private(set) var triggers: [Trigger] = []
    public private(set) var cues: [Cue] = []
    /// First word → triggers starting with it, longest first.
    private var byFirstWord: [String: [Trigger]] = [:]

    public init() {}

    public static let standard: EventLexicon = {
        var lexicon = EventLexicon()
        for file in ["triggers", "modality"] {
            guard let url = Bundle.module.url(forResource: file, withExtension: "tsv", subdirectory: "Resources/Events"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { preconditionFailure("Warta's resource Resources/Events/\(file).tsv is missing") }
            do { try lexicon.add(tsv: text, name: "\(file).tsv") } catch { preconditionFailure("\(error)") }
        }
        return lexicon
    }()

    /// Adds a triggers file (columns lang, type, mode, roles, phrase) or a modality file (lang, modality, phrase).
    public mutating func add(tsv text: String, name: String) throws(KnowledgeError) {
        let table = try TSVTable(text: text, name: name, required: ["lang", "phrase"])
        for row in table.rows {
            guard let language = row["lang"], let phrase = row["phrase"] else { continue }
            let words = phrase.lowercased().split(separator: " ").map(String.init)
            if let modality = row["modality"] {
                cues.append(Cue(language: language, modality: modality, words: words))
                continue
            }
            guard let type = row["type"] else {
                throw KnowledgeError(file: name, line: row.line, message: "a trigger needs a type")
            }
            guard let roles = Trigger.Roles(rawValue: row["roles"] ?? "symmetric") else {
                throw KnowledgeError(file: name, line: row.line, message: "roles must be agent, passive or symmetric")
            }
            let mode = row["mode"].flatMap { $0 == "-" ? nil : $0 }
            let trigger = Trigger(language: language, type: type, mode: mode, roles: roles, words: words)
            triggers.append(trigger)
            let first = words[0].hasSuffix("*") ? String(words[0].dropLast()) : words[0]
            byFirstWord[first, default: []].append(trigger)
            byFirstWord[first]?.sort { $0.words.count > $1.words.count }
        }
    }

    /// The longest trigger starting at token `i` of `words` (lower case), with how many tokens it takes.
    func trigger(at i: Int, in words: [String], language: String) -> (Trigger, Int)? {
        guard let candidates = byFirstWord[words[i]] else { return nil }
        for trigger in candidates where trigger.language == language && i + trigger.words.count <= words.count {
            var ok = true
            for (k, word) in trigger.words.enumerated() {
                let token = words[i + k]
                if word.hasSuffix("*") ? !token.hasPrefix(word.dropLast()) : token != word {
                    ok = false
                    break
                }
            }
            if ok { return (trigger, trigger.words.count) }
        }
        return nil
    }

    /// The modality cue ending at token `end - 1`, if any.
    func cue(endingAt end: Int, in words: [String], language: String) -> Cue? {
        var best: Cue?
        for cue in cues where cue.language == language && cue.words.count <= end {
            let start = end - cue.words.count
            if Array(words[start..<end]) == cue.words, best.map({ cue.words.count > $0.words.count }) ?? true {
                best = cue
            }
        }
        return best
    }
}
