import ArgumentParser
import Foundation
import WartaCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, text, table, csv
}

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Analyse documents without a database and print them as JSON (FORMATS.md §2).",
        discussion: """
            One file gives one JSON object; several files, a directory or a JSON Lines input give JSON Lines, \
            one object per document. --explain adds every removed line with the reason it went.
            """
    )

    @Argument(help: "Files or directories to read.")
    var paths: [String]

    @Option(help: "json, jsonl or text (default: json for one file, jsonl otherwise).")
    var format: OutputFormat?

    @Flag(help: "Show every line that cleaning removed, and why.")
    var explain = false

    @Option(help: "The largest document accepted, in bytes.")
    var maxSize: Int = 20_000_000

    @Option(help: "Extra boilerplate lexicon (rule<TAB>exact|prefix|short-prefix<TAB>phrase).")
    var boilerplate: String?

    @Option(help: "Extra knowledge-base file (a TSV in the format of Resources/Knowledge: people, places, ...); repeatable.")
    var knowledge: [String] = []

    @Option(help: "Extra event triggers or modality cues (TSV in the format of Resources/Events); repeatable.")
    var triggers: [String] = []

    func validate() throws {
        if let format, ![.json, .jsonl, .text].contains(format) {
            throw ValidationError("--format must be json, jsonl or text")
        }
    }

    func run() async throws {
        let pipeline = try makePipeline(maxSize: maxSize, boilerplate: boilerplate, knowledge: knowledge, triggers: triggers)
        let (files, missing) = pipeline.reader.expand(paths)
        var failed = missing.count
        for error in missing { Terminal.error("warta: \(error)") }
        let single = files.count == 1 && paths.count == 1
            && !["jsonl", "ndjson"].contains(((files[0] as NSString).lastPathComponent.replacingOccurrences(of: ".gz", with: "") as NSString).pathExtension.lowercased())
            && !FileManager.default.isDirectory(paths[0])
        let format = self.format ?? (single ? .json : .jsonl)
        let encoder = JSONEncoder()
        encoder.outputFormatting = format == .json ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        let out = FileHandle.standardOutput
        for file in files {
            var batch = [InputReader.Item]()
            pipeline.reader.read(file) { batch.append($0) }
            for item in batch {
                switch item {
                case .failure(let error):
                    failed += 1
                    Terminal.error("warta: \(error)")
                case .document(let raw):
                    do {
                        var document = try pipeline.analyzer.analyze(raw)
                        if !explain { document.removed = nil }
                        switch format {
                        case .text: out.write(Data(Self.render(document, explain: explain).utf8))
                        default:
                            var data = try encoder.encode(document)
                            data.append(0x0A)
                            out.write(data)
                        }
                    } catch let error as InputError {
                        failed += 1
                        Terminal.error("warta: \(error)")
                    }
                }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// A document as readable text: metadata, the clean body, and with `explain` the removed lines.
    static func render(_ document: Document, explain: Bool) -> String {
        var lines = ["== \(document.id)"]
        func field(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("\(name): \(value)") }
        }
        field("title", document.title)
        field("author", document.author)
        field("published", document.published)
        field("url", document.source.url)
        field("publisher", document.source.publisher)
        field("dateline", document.dateline)
        field("language", document.language)
        field("hash", document.hash)
        lines.append("")
        let scalars = Array(document.text.unicodeScalars)
        var offset = 0
        for paragraph in document.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = paragraph.unicodeScalars.count
            if let caption = document.captions.first(where: { $0.start == offset }) {
                lines.append("[caption, credit: \(caption.credit ?? "none")] \(paragraph)")
            } else {
                lines.append(String(paragraph))
            }
            offset += length + 1
        }
        _ = scalars
        if explain, let removed = document.removed, !removed.isEmpty {
            lines.append("")
            lines.append("-- removed lines")
            for line in removed {
                let kept = line.kept.map { " → \($0)" } ?? ""
                let number = String(line.line)
                let reason = line.reason.padding(toLength: max(18, line.reason.count), withPad: " ", startingAt: 0)
                lines.append(String(repeating: " ", count: max(0, 4 - number.count)) + number + "  " + reason + " " + line.text + kept)
            }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}

extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
