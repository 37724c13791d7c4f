import ArgumentParser
import Foundation
import WartaCore

struct DatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dates", abstract: "Show the time expressions Warta finds in a phrase and how it resolves them.")

    @Argument(help: "The text (a phrase or a paragraph).")
    var text: String

    @Option(help: "The date to resolve against, as a publication date (YYYY-MM-DD, or with time and zone).")
    var anchor: String?

    @Option(help: "id or en (default: guessed from the text).")
    var language: String?

    @Option(help: "text or jsonl.")
    var format: String = "text"

    func run() throws {
        let language = language ?? LanguageGuesser.guess(text)
        let extractor = TimeExtractor()
        if format == "jsonl" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for mention in extractor.extract(text: text, published: anchor, language: language) {
                Terminal.print(String(decoding: try encoder.encode(mention), as: UTF8.self))
            }
            return
        }
        let lines = extractor.explain(text: text, anchor: anchor, language: language)
        if lines.isEmpty { Terminal.error("warta: no date or time found") }
        for line in lines { Terminal.print(line) }
    }
}
