import ArgumentParser

/// The `warta` command line: ingest news, look at what was found.
@main
struct Warta: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warta",
        abstract: "Warta: who met whom, when, where, about what, and who says so, from raw news.",
        version: "0.1.0",
        subcommands: [
            IngestCommand.self, ExtractCommand.self, SearchCommand.self, ShowCommand.self, StatsCommand.self,
            DemoCommand.self, EventsCommand.self, TimelineCommand.self, DyadCommand.self, EntitiesCommand.self,
            ExportCommand.self, DatesCommand.self, BenchCommand.self, TagCommand.self, TrainCommand.self,
            FetchCommand.self, WatchCommand.self,
            ServeCommand.self,
        ]
    )
}
