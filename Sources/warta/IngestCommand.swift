import ArgumentParser
import Foundation
import WartaCore

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read news (.txt, .html, .jsonl, gzipped or not, directories) into the database."
    )

    @Argument(help: "Files or directories to read.")
    var paths: [String]

    @Option(help: "The database: a SQLite file or a postgres:// URL.")
    var db: String = "warta.sqlite"

    @Option(help: "The largest document accepted, in bytes.")
    var maxSize: Int = 20_000_000

    @Option(help: "Extra boilerplate lexicon (rule<TAB>exact|prefix|short-prefix<TAB>phrase).")
    var boilerplate: String?

    @Option(help: "Extra knowledge-base file (a TSV in the format of Resources/Knowledge: people, places, ...); repeatable.")
    var knowledge: [String] = []

    @Option(help: "Extra event triggers or modality cues (TSV in the format of Resources/Events); repeatable.")
    var triggers: [String] = []

    @Option(help: "Documents analysed at once (default: one per core).")
    var workers: Int?

    func run() async throws {
        let store = try await openStore(db)
        let pipeline = try makePipeline(maxSize: maxSize, boilerplate: boilerplate, knowledge: knowledge, triggers: triggers)
        let summary = try await ingest(paths, into: store, pipeline: pipeline, workers: workers)
        try await store.rebuildEvents()
        Terminal.print(summary.line)
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// The pipeline the commands share, with the user's options.
func makePipeline(maxSize: Int, boilerplate: String?, knowledge: [String] = [], triggers: [String] = []) throws -> IngestPipeline {
    var cleaner = Cleaner()
    if let boilerplate {
        guard let text = try? String(contentsOfFile: boilerplate, encoding: .utf8) else {
            throw ValidationError("cannot read the boilerplate lexicon \(boilerplate)")
        }
        do {
            cleaner.lexicon = cleaner.lexicon.merging(try BoilerplateLexicon(tsv: text, name: boilerplate))
        } catch {
            throw ValidationError("\(error)")
        }
    }
    var stages = AnalysisStages()
    if !knowledge.isEmpty || !triggers.isEmpty {
        var kb = KnowledgeBase.standard
        for file in knowledge {
            do { try kb.add(contentsOf: URL(fileURLWithPath: file)) } catch { throw ValidationError("\(file): \(error)") }
        }
        var lexicon = EventLexicon.standard
        for file in triggers {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("cannot read \(file)") }
            do { try lexicon.add(tsv: text, name: file) } catch { throw ValidationError("\(error)") }
        }
        stages = AnalysisStages(knowledge: kb, lexicon: lexicon)
    }
    return IngestPipeline(
        reader: InputReader(maxDocumentSize: maxSize), analyzer: DocumentAnalyzer(cleaner: cleaner, stages: stages))
}

/// Ingests `paths` with a progress bar on a terminal and one error line per failed document.
func ingest(
    _ paths: [String], into store: any DocumentStore, pipeline: IngestPipeline, workers: Int? = nil
) async throws -> IngestSummary {
    let (files, missing) = pipeline.reader.expand(paths)
    for error in missing { Terminal.error("warta: \(error)") }
    let progress = ProgressBar(total: pipeline.estimateCount(files: files), label: "ingest")
    let started = Date()
    let summary = try await pipeline.run(files: files, into: store, workers: workers) { event in
        switch event {
        case .stored: progress.advance()
        case .failed(let error):
            progress.finish()
            Terminal.error("warta: \(error)")
            progress.advance()
        }
    }
    progress.finish()
    return IngestSummary(run: summary, missing: missing.count, seconds: Date().timeIntervalSince(started))
}

struct IngestSummary {
    var run: IngestPipeline.Summary
    var missing: Int
    var seconds: Double

    var failed: Int { run.failed + missing }

    var line: String {
        let rate = seconds > 0 ? Int(Double(run.seen) / seconds) : 0
        return "ingested \(run.seen) documents: \(run.added) added, \(run.newSources + run.known) already known"
            + (run.newSources > 0 ? " (\(run.newSources) from a new source)" : "")
            + ", \(failed) failed (\(String(format: "%.1f", seconds)) s, \(rate) docs/s)"
    }
}
