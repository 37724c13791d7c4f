// Fuzz target: bytes as a JSON Lines file, every record read as the ingest reader reads it. Built by
// scripts/fuzz.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var items = InputReader.Items(lines: bytes, path: "fuzz.jsonl", maxDocumentSize: 1 << 16)
    while let item = items.next() {
        if case .failure(let error) = item { _ = error.description }
    }
    return 0
}
