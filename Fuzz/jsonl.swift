// Fuzz target: bytes as a JSON Lines file (gzipped if they start like gzip), read in pieces of 1 to 64 bytes (the
// first byte chooses), every record read as the ingest reader reads it. Built by scripts/fuzz.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let pieceSize = 1 + Int(bytes.first ?? 0) % 64
    let reader = InputReader.ChunkReader(bytes: bytes, path: "fuzz.jsonl", limit: 1 << 22, pieceSize: pieceSize)
    var items = InputReader.Items(lines: reader, path: "fuzz.jsonl", maxDocumentSize: 1 << 12)
    while let item = items.next() {
        if case .failure(let error) = item { _ = error.description }
    }
    return 0
}
