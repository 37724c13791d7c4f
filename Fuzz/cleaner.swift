// Fuzz target: text through normalisation and the boilerplate cleaner, as scraped text and as the lines of
// a page's content. Built by scripts/fuzz.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let structured = data[0] & 1 == 1
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let cleaner = fuzzCleaner
    let normalized = TextNormalizer.normalize(text)
    let result = cleaner.clean(normalized, knownTitle: structured ? "Judul" : nil, structured: structured)
    _ = result
    return 0
}

private let fuzzCleaner = Cleaner()
