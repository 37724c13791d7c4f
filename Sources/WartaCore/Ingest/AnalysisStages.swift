/// The stages after cleaning: entities, dates, events. Each can be replaced (a user's knowledge base, a trained
/// tagger, extra triggers) or switched off.
public struct AnalysisStages: Sendable {
    public var knowledge: KnowledgeBase
    public var entities: EntityRecognizer?
    public var events: EventExtractor?
    public var times: TimeExtractor?

    /// - Parameters:
    ///   - tagger: labels tokens BIO; the default is Warta's trained tagger (``NERTagger/standard``).
    ///   - taggersByLanguage: taggers that replace `tagger` for one language; the default tags Indonesian with the
    ///     trained tagger's news features (``NERTagger/news``), which it learned from Indonesian news.
    public init(
        knowledge: KnowledgeBase = .standard, tagger: (@Sendable ([String]) -> [String])? = AnalysisStages.standardTagger,
        taggersByLanguage: [String: @Sendable ([String]) -> [String]] = AnalysisStages.standardTaggersByLanguage,
        lexicon: EventLexicon = .standard
    ) {
        self.knowledge = knowledge
        self.entities = EntityRecognizer(knowledge: knowledge, tagger: tagger, taggersByLanguage: taggersByLanguage)
        self.events = EventExtractor(lexicon: lexicon, knowledge: knowledge)
        self.times = TimeExtractor()
    }

    /// Warta's trained tagger as a function, or nil when its model is missing.
    public static let standardTagger: (@Sendable ([String]) -> [String])? = NERTagger.standard.map(function)

    /// Warta's trained tagger with its news features, for Indonesian text (empty when the model is missing).
    public static let standardTaggersByLanguage: [String: @Sendable ([String]) -> [String]] = {
        guard let news = NERTagger.news else { return [:] }
        return ["id": function(news)]
    }()

    /// `tagger` as the function the entity recogniser calls.
    private static func function(_ tagger: NERTagger) -> @Sendable ([String]) -> [String] {
        { tokens in tagger.tag(tokens) }
    }

    /// No analysis beyond cleaning.
    public static var none: AnalysisStages {
        var stages = AnalysisStages()
        stages.entities = nil
        stages.events = nil
        stages.times = nil
        return stages
    }

    public func run(on document: inout Document) {
        let date = document.published.map { String($0.prefix(10)) }
        if let entities {
            document.entities = entities.recognize(text: document.text, date: date, language: document.language)
        }
        if let times {
            document.times = times.extract(text: document.text, published: document.published, language: document.language)
            // No publication date: the knowledge base may know the year (a known summit, a term of office).
            if document.published == nil, let entities,
                let answer = YearInference(knowledge: knowledge).infer(entities: document.entities, dates: document.times.map(\.value))
            {
                let hint = YearHint(year: answer.year, anchor: "knowledge", note: answer.note)
                document.times = times.extract(
                    text: document.text, published: nil, language: document.language, yearHint: hint)
                document.entities = entities.recognize(text: document.text, date: String(answer.year), language: document.language)
            }
        }
        if let events {
            document.events = events.extract(
                text: document.text, entities: document.entities, times: document.times, language: document.language,
                published: document.published)
        }
    }
}
