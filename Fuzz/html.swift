// Fuzz target: any bytes as an HTML page through libxml2 and the content extractor. Built by scripts/fuzz.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let html = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let page = HTMLReader.read(html)
    _ = page.published.flatMap { PublicationDate.parse($0) }
    return 0
}
