internal import Foundation

/// Reads input paths (files, gzipped files, JSON Lines, directories) into ``RawDocument``s.
///
/// Bad input never stops a batch: every document that cannot be read is handed on as an ``InputError``
/// and the reader goes on with the next one.
///
/// ```swift
/// let reader = InputReader()
/// for path in try reader.expand(["seeds"]) {
///     reader.read(path) { item in ... }
/// }
/// ```
public struct InputReader: Sendable {
    /// The largest document accepted, in bytes (after decompression). Default 20 MB.
    public var maxDocumentSize: Int
    /// The largest JSON Lines file accepted after decompression. Default 4 GiB.
    public var maxBatchFileSize: Int

    public init(maxDocumentSize: Int = 20_000_000, maxBatchFileSize: Int = 4 << 30) {
        self.maxDocumentSize = maxDocumentSize
        self.maxBatchFileSize = maxBatchFileSize
    }

    /// One thing read: a document, or why one could not be read.
    public enum Item: Sendable {
        case document(RawDocument)
        case failure(InputError)
    }

    /// The extensions read inside directories (a trailing `.gz` is allowed after each).
    public static let knownExtensions: Set<String> = ["txt", "text", "jsonl", "ndjson", "html", "htm", "xhtml"]

    /// Expands directories into the files inside them (recursively, sorted, known extensions only, hidden
    /// files skipped); files named directly are kept whatever their extension.
    ///
    /// - Returns: the files, and an error for every path that does not exist.
    public func expand(_ paths: [String]) -> (files: [String], failures: [InputError]) {
        var files = [String]()
        var failures = [InputError]()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failures.append(InputError(document: path, reason: .unreadable("no such file or directory")))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                failures.append(InputError(document: path, reason: .unreadable("cannot list the directory")))
                continue
            }
            var found = [String]()
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue,
                    Self.knownExtensions.contains(Self.kind(of: name).ext)
                {
                    found.append(full)
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, failures)
    }

    /// The extension of a file name without a trailing `.gz`, and whether it was gzipped.
    static func kind(of name: String) -> (ext: String, gzipped: Bool) {
        var base = name.lowercased()
        var gzipped = false
        if base.hasSuffix(".gz") {
            gzipped = true
            base.removeLast(3)
        }
        let ext = (base as NSString).pathExtension
        return (ext, gzipped)
    }

    /// Reads one file and hands every document in it (or its failure) to `handle`, in order.
    public func read(_ path: String, _ handle: (Item) throws -> Void) rethrows {
        var items = self.items(path)
        while let item = items.next() { try handle(item) }
    }

    /// The documents of one file (or its failures), in order, read one at a time: a JSON Lines file is read
    /// (and gunzipped) in pieces as its records are asked for, so memory holds one piece and one record at a time.
    public func items(_ path: String) -> Items {
        let name = (path as NSString).lastPathComponent
        let (ext, _) = Self.kind(of: name)
        if ext == "jsonl" || ext == "ndjson" {
            do {
                return Items(lines: try ChunkReader(path: path, limit: maxBatchFileSize), path: path, maxDocumentSize: maxDocumentSize)
            } catch {
                return Items(single: .failure(error))
            }
        }
        let bytes: [UInt8]
        do {
            bytes = try load(path, limit: maxDocumentSize)
        } catch {
            return Items(single: .failure(error))
        }
        let id = Self.documentID(forFileName: name)
        let decoded: (String, TextDecoder.Encoding)
        do {
            decoded = try TextDecoder.decode(bytes, document: path)
        } catch {
            return Items(single: .failure(error))
        }
        let text = decoded.0
        let format: RawDocument.Format =
            ext == "html" || ext == "htm" || ext == "xhtml" || (ext != "txt" && Self.looksLikeHTML(text)) ? .html : .text
        return Items(single: .document(RawDocument(id: id, path: path, format: format, body: text)))
    }

    /// The items of one file; see ``items(_:)``.
    public struct Items: IteratorProtocol, Sequence {
        private var single: Item?
        private let reader: ChunkReader?
        private let path: String
        private let maxDocumentSize: Int
        /// Read but not yet handed on: `buffer[start...]`.
        private var buffer: [UInt8] = []
        private var start = 0
        /// Where the search for the next newline goes on from (`buffer[start..<scanned]` has none).
        private var scanned = 0
        private var lineNumber = 0
        private var atEnd = false
        private var first = true
        /// The bytes so far of a line too long to keep, which is being skipped.
        private var skipped: Int?

        init(single: Item) {
            self.single = single
            reader = nil
            path = ""
            maxDocumentSize = 0
            atEnd = true
        }

        /// The records read by `reader`; `path` names them in errors.
        init(lines reader: ChunkReader, path: String, maxDocumentSize: Int) {
            self.reader = reader
            self.path = path
            self.maxDocumentSize = maxDocumentSize
        }

        /// The next document or failure; a bad JSON Lines record is one failure naming `path:LINE`.
        public mutating func next() -> Item? {
            if let item = single {
                single = nil
                return item
            }
            while true {
                if let newline = buffer[Swift.max(start, scanned)...].firstIndex(of: 0x0A) {
                    let line = buffer[start..<newline]
                    start = newline + 1
                    scanned = start
                    if let item = item(for: line) { return item }
                    continue
                }
                scanned = buffer.count
                if atEnd {
                    guard start < buffer.count || skipped != nil else { return nil }
                    let line = buffer[start...]
                    start = buffer.count
                    if let item = item(for: line) { return item }
                    continue
                }
                // A line longer than any document: skip it as it comes, keeping only its length.
                if buffer.count - start > maxDocumentSize {
                    skipped = (skipped ?? 0) + buffer.count - start
                    buffer.removeAll(keepingCapacity: true)
                    start = 0
                    scanned = 0
                }
                if start > 0 {
                    buffer.removeSubrange(0..<start)
                    scanned -= start
                    start = 0
                }
                do {
                    if let chunk = try reader?.next() {
                        if first, chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
                            buffer.append(contentsOf: chunk.dropFirst(3))
                        } else {
                            buffer.append(contentsOf: chunk)
                        }
                        first = false
                    } else {
                        atEnd = true
                    }
                } catch {
                    atEnd = true
                    buffer.removeAll()
                    start = 0
                    scanned = 0
                    skipped = nil
                    return .failure(error)
                }
            }
        }

        /// The item of one line (without its newline), nil for a blank line.
        private mutating func item(for line: ArraySlice<UInt8>) -> Item? {
            lineNumber += 1
            if let skipped {
                self.skipped = nil
                let size = skipped + line.count
                return .failure(InputError(document: "\(path):\(lineNumber)", reason: .tooLarge(size: size, limit: maxDocumentSize)))
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
            if line.count > maxDocumentSize {
                return .failure(InputError(
                    document: "\(path):\(lineNumber)", reason: .tooLarge(size: line.count, limit: maxDocumentSize)))
            }
            switch InputReader.parseRecord(Data(line), path: path, line: lineNumber) {
            case .success(let document): return .document(document)
            case .failure(let error): return .failure(error)
            }
        }
    }

    /// A file (or bytes in memory) read in pieces (1 MB, or 64 KB of gzip), gunzipped on the fly when it starts like
    /// gzip, refused past `limit` bytes (after decompression) and, for gzip, past the bomb ratio (``Gzip/Inflater``).
    final class ChunkReader {
        private let handle: FileHandle?
        private let memory: [UInt8]
        private var position = 0
        private let path: String
        private let limit: Int
        private let pieceSize: Int?
        private var inflater: Gzip.Inflater?
        private var total = 0
        private var started = false
        private var finished = false
        private var pending: [[UInt8]] = []

        init(path: String, limit: Int) throws(InputError) {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                let reason =
                    !exists ? "no such file or directory" : isDirectory.boolValue ? "is a directory" : "permission denied"
                throw InputError(document: path, reason: .unreadable(reason))
            }
            self.handle = handle
            memory = []
            self.path = path
            self.limit = limit
            pieceSize = nil
        }

        /// `bytes` as if read from a file named `path`, in pieces of `pieceSize` (to test and fuzz the seams).
        init(bytes: [UInt8], path: String, limit: Int, pieceSize: Int) {
            handle = nil
            memory = bytes
            self.path = path
            self.limit = limit
            self.pieceSize = max(1, pieceSize)
        }

        deinit { try? handle?.close() }

        private func read() throws(InputError) -> [UInt8] {
            // Small pieces of gzip (and first): 64 KB may inflate to some MB; plain text in 1 MB pieces.
            let size = pieceSize ?? (!started || inflater != nil ? 1 << 16 : 1 << 20)
            guard let handle else {
                let end = min(memory.count, position + size)
                defer { position = end }
                return Array(memory[position..<end])
            }
            do {
                return [UInt8](try handle.read(upToCount: size) ?? Data())
            } catch {
                throw InputError(document: path, reason: .unreadable("read failed: \(error.localizedDescription)"))
            }
        }

        /// The next piece of the file's (decompressed) bytes; nil at its end.
        func next() throws(InputError) -> [UInt8]? {
            while pending.isEmpty {
                if finished { return nil }
                let piece = try read()
                if !started {
                    started = true
                    if piece.isEmpty { throw InputError(document: path, reason: .empty) }
                    if Gzip.isGzip(handle == nil ? memory : piece) {
                        inflater = try Gzip.Inflater(limit: limit, document: path)
                    }
                }
                if piece.isEmpty {
                    finished = true
                    try inflater?.finish()
                    continue
                }
                if let inflater {
                    var out: [[UInt8]] = []
                    try inflater.feed(piece[...]) { out.append($0) }
                    pending = out
                } else {
                    total += piece.count
                    if total > limit { throw InputError(document: path, reason: .tooLarge(size: total, limit: limit)) }
                    pending = [piece]
                }
            }
            return pending.removeFirst()
        }
    }

    /// The id of a document read from a file: its file name without `.gz`.
    public static func documentID(forFileName name: String) -> String {
        name.lowercased().hasSuffix(".gz") ? String(name.dropLast(3)) : name
    }

    /// Whether text starts like an HTML page.
    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(512).drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).prefix(15).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<head")
            || head.hasPrefix("<body") || head.hasPrefix("<!--") || head.hasPrefix("<?xml")
    }

    /// The file's bytes, decompressed if gzipped, refused past `limit`.
    func load(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > limit {
            throw InputError(document: path, reason: .tooLarge(size: size, limit: limit))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let readable = FileManager.default.isReadableFile(atPath: path)
            throw InputError(document: path, reason: .unreadable(readable ? "read failed" : "permission denied"))
        }
        let bytes = [UInt8](data)
        if bytes.isEmpty { throw InputError(document: path, reason: .empty) }
        if Gzip.isGzip(bytes) {
            let inflated = try Gzip.decompress(bytes, limit: limit, document: path)
            if inflated.isEmpty { throw InputError(document: path, reason: .empty) }
            return inflated
        }
        return bytes
    }

    /// One JSON object of the JSON Lines format (`id`, `text` or `html`, `title`, `url`, `published`, `language`)
    /// as a document; `origin` names where it came from in errors ("POST /api/documents").
    public static func record(_ bytes: [UInt8], origin: String) -> Result<RawDocument, InputError> {
        parseRecord(Data(bytes), path: origin, line: 1)
    }

    /// One JSON Lines record as a document.
    static func parseRecord(_ data: Data, path: String, line: Int) -> Result<RawDocument, InputError> {
        let where_ = "\(path):\(line)"
        func fail(_ message: String) -> Result<RawDocument, InputError> {
            .failure(InputError(document: where_, reason: .invalidJSON(line: line, message)))
        }
        if String(validating: data, as: UTF8.self) == nil {
            let offset = TextDecoder.invalidUTF8Offset(data)
            return fail("not UTF-8 (an invalid byte at offset \(offset) of the line); JSON Lines must be UTF-8")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            return fail("not valid JSON")
        }
        guard let record = object as? [String: Any] else { return fail("a record must be a JSON object") }
        func string(_ key: String) -> Result<String?, InputError> {
            switch record[key] {
            case nil, is NSNull: return .success(nil)
            case let value as String: return .success(value)
            // A number is a fine id; `true` is not (JSONSerialization gives both as NSNumber, a Bool as "c").
            case let value as NSNumber where key == "id" && String(cString: value.objCType) != "c":
                return .success(value.stringValue)
            default:
                return .failure(InputError(
                    document: where_,
                    reason: .invalidJSON(
                        line: line, "field \"\(key)\" must be a string" + (key == "id" ? " or a number" : ""))))
            }
        }
        do {
            let id = try string("id").get()
            let text = try string("text").get()
            let html = try string("html").get()
            let title = try string("title").get()
            let body: String
            let format: RawDocument.Format
            if let html, !html.isEmpty {
                body = html
                format = .html
            } else if let text {
                body = text
                format = .text
            } else if title?.isEmpty == false {
                body = ""
                format = .text
            } else {
                return fail("a record needs \"text\" or \"html\"")
            }
            let name = (path as NSString).lastPathComponent
            return .success(RawDocument(
                id: id ?? "\(documentID(forFileName: name)):\(line)", path: where_, url: try string("url").get(),
                title: title, published: try string("published").get(), language: try string("language").get(),
                format: format, body: body))
        } catch {
            return .failure(error)
        }
    }
}
