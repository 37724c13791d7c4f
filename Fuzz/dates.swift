// Fuzz target: the date parsers (publication dates, ISO anchors) and the time expression extractor, in
// both languages. Built by scripts/fuzz.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let language = data[0] & 1 == 0 ? "id" : "en"
    let anchored = data[0] & 2 == 0
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    _ = PublicationDate.parse(text)
    _ = PublishedDate(parsing: text)
    let firstLine = text.prefix { $0 != "\n" }
    let published = anchored ? "2023-09-17T18:44:00+07:00" : (firstLine.count <= 40 ? String(firstLine) : nil)
    _ = fuzzExtractor.extract(text: text, published: published, language: language)
    return 0
}

private let fuzzExtractor = TimeExtractor()
