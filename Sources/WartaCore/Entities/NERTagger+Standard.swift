internal import Foundation

extension NERTagger {
    /// The tagger shipped with Warta: the trained model in `Resources/Entities/ner-model.bin` with a gazetteer read
    /// from the knowledge base the model was trained with (`Resources/Knowledge`). Nil if the model is missing.
    ///
    /// Rebuild the model with `warta train ner` (see the README).
    ///
    /// This tagger uses the features all training data shares; ``news`` adds those private to news.
    public static let standard: NERTagger? = {
        guard let url = Bundle.module.url(forResource: "ner-model", withExtension: "bin", subdirectory: "Resources/Entities"),
            let model = try? NERModel(contentsOf: url)
        else { return nil }
        let knowledge = Bundle.module.url(forResource: "Knowledge", withExtension: nil, subdirectory: "Resources")
        let gazetteer = knowledge.flatMap { try? Gazetteer(knowledgeDirectory: $0) }
        return NERTagger(model: model, gazetteer: gazetteer)
    }()

    /// The shipped tagger for news (what Warta ingests): ``standard``'s model and gazetteer with the features the
    /// news training data taught privately (``NERModel/genres``); the same as ``standard`` for a model without them.
    public static let news: NERTagger? = standard.map { NERTagger(model: $0.model, gazetteer: $0.gazetteer, genre: "news") }
}
