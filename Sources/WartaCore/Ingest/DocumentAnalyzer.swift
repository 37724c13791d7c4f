internal import Foundation

/// The pipeline from a raw input document to an analysed ``Document``: normalise, read HTML, clean,
/// take metadata, hash, and run the later stages.
public struct DocumentAnalyzer: Sendable {
    public var cleaner: Cleaner
    public var stages: AnalysisStages

    public init(cleaner: Cleaner = Cleaner(), stages: AnalysisStages = AnalysisStages()) {
        self.cleaner = cleaner
        self.stages = stages
    }

    /// Analyses one document.
    ///
    /// - Throws: ``InputError`` `.empty` when neither a title nor any text is left, `.unsupported` for HTML
    ///   nested deeper than ``HTMLReader/maxNesting``.
    public func analyze(_ raw: RawDocument) throws(InputError) -> Document {
        var page = HTMLReader.Page()
        let cleaned: Cleaner.Result
        let givenTitle = raw.title.map { LineText.collapse(TextNormalizer.normalize($0)) }.flatMap { $0.isEmpty ? nil : $0 }
        switch raw.format {
        case .text:
            cleaned = cleaner.clean(TextNormalizer.normalize(raw.body), knownTitle: givenTitle)
        case .html:
            page = HTMLReader.read(raw.body)
            if page.tooDeeplyNested {
                throw InputError(
                    document: raw.path ?? raw.id,
                    reason: .unsupported("HTML nested deeper than \(HTMLReader.maxNesting) elements"))
            }
            let lines = page.lines.map { TextNormalizer.normalize($0) }.joined(separator: "\n")
            cleaned = cleaner.clean(
                lines, knownTitle: givenTitle ?? page.title.map { TextNormalizer.normalize($0) }, structured: true)
        }
        var text = ""
        var captions = [Document.Caption]()
        var offset = 0
        for (i, paragraph) in cleaned.paragraphs.enumerated() {
            if i > 0 {
                text += "\n"
                offset += 1
            }
            let length = paragraph.text.unicodeScalars.count
            if let credit = paragraph.caption {
                captions.append(Document.Caption(start: offset, end: offset + length, credit: credit))
            }
            text += paragraph.text
            offset += length
        }
        let title = givenTitle ?? page.title.map { LineText.collapse(TextNormalizer.normalize($0)) } ?? cleaned.title
        if text.isEmpty && (title ?? "").isEmpty {
            throw InputError(document: raw.path ?? raw.id, reason: .empty)
        }
        let url = raw.url ?? page.url ?? cleaned.url
        let published = raw.published ?? page.published.flatMap { PublicationDate.parse($0) ?? $0 } ?? cleaned.published
        let publisher = url.flatMap(Self.host(of:)) ?? page.siteName ?? cleaned.publisher
        let language = raw.language ?? page.language.flatMap { $0 == "id" || $0 == "en" ? $0 : nil }
            ?? LanguageGuesser.guess(text.isEmpty ? (title ?? "") : text)
        var document = Document(
            id: raw.id,
            hash: Self.contentHash(title: title, text: text),
            source: Document.Source(path: raw.path, url: url, publisher: publisher),
            language: language,
            title: title,
            author: page.author ?? cleaned.author,
            published: published,
            dateline: cleaned.dateline,
            text: text,
            captions: captions,
            removed: cleaned.removed
        )
        stages.run(on: &document)
        return document
    }

    /// The document key: SHA-256 of the title and body with case and white space folded, so the same
    /// article read twice (another file, another feed, other boilerplate) is one document.
    public static func contentHash(title: String?, text: String) -> String {
        SHA256.hex(LineText.key((title ?? "") + "\n" + text))
    }

    /// "https://www.okezone.com/read/..." → "okezone.com".
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        var host = url[schemeEnd.upperBound...].prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" })
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.isEmpty ? nil : host.lowercased()
    }
}
