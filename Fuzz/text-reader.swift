// Fuzz target: bytes as a file would give them to the reader (gzip detection and inflation, encoding
// detection, the HTML sniff). Built by scripts/fuzz.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if Gzip.isGzip(bytes) {
        guard let inflated = try? Gzip.decompress(bytes, limit: 1 << 20, document: "fuzz") else { return 0 }
        bytes = inflated
    }
    guard let (text, _) = try? TextDecoder.decode(bytes, document: "fuzz") else { return 0 }
    _ = InputReader.looksLikeHTML(text)
    _ = TextNormalizer.normalize(text)
    return 0
}
