internal import CZlib

/// gzip (and zlib) decompression through the system zlib, with a ceiling on the output size so that a
/// gzip bomb is refused instead of filling memory.
public enum Gzip {
    /// Whether `bytes` start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// How many times its compressed size a large output may be: deflate's ceiling is about 1,000, text gets
    /// about 10.
    public static let maxRatio = 100

    /// Inflates gzip or zlib data (concatenated gzip members included).
    ///
    /// - Parameters:
    ///   - limit: the most bytes the output may have.
    /// - Throws: ``InputError`` `.invalidGzip` for corrupt data, `.tooLarge` past `limit`, `.invalidGzip` past
    ///   16 MB and ``maxRatio`` times the input (a gzip bomb).
    public static func decompress(_ input: [UInt8], limit: Int, document: String) throws(InputError) -> [UInt8] {
        let inflater = try Inflater(limit: limit, document: document)
        var output = [UInt8]()
        output.reserveCapacity(min(limit, max(input.count * 4, 1 << 16)))
        try inflater.feed(input[...]) { output.append(contentsOf: $0) }
        try inflater.finish()
        return output
    }

    /// Inflates a gzip (or zlib) stream given in pieces, with the limits of ``decompress(_:limit:document:)``
    /// counted over the whole stream.
    final class Inflater {
        private var stream = z_stream()
        private let limit: Int
        private let document: String
        private var consumed = 0
        private var produced = 0
        private var ended = false
        private var chunk = [UInt8](repeating: 0, count: 1 << 16)

        init(limit: Int, document: String) throws(InputError) {
            self.limit = limit
            self.document = document
            guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw InputError(document: document, reason: .invalidGzip("zlib could not start"))
            }
        }

        deinit { inflateEnd(&stream) }

        /// Inflates `input`, handing each piece of output to `output` as it comes.
        func feed(_ input: ArraySlice<UInt8>, _ output: ([UInt8]) -> Void) throws(InputError) {
            guard !input.isEmpty else { return }
            consumed += input.count
            var failure: InputError?
            input.withUnsafeBufferPointer { inBuffer in
                stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
                stream.avail_in = UInt32(inBuffer.count)
                while stream.avail_in > 0 || !ended {
                    if ended {
                        // Another gzip member follows.
                        guard inflateReset(&stream) == Z_OK else {
                            failure = InputError(document: document, reason: .invalidGzip("cannot start the next member"))
                            return
                        }
                        ended = false
                    }
                    let size = chunk.count
                    let status = chunk.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                        stream.next_out = outBuffer.baseAddress
                        stream.avail_out = UInt32(size)
                        return inflate(&stream, Z_NO_FLUSH)
                    }
                    let count = size - Int(stream.avail_out)
                    if let error = check(adding: count) {
                        failure = error
                        return
                    }
                    if count > 0 { output(Array(chunk[0..<count])) }
                    if status == Z_STREAM_END {
                        ended = true
                        if stream.avail_in == 0 { return }
                        continue
                    }
                    if status == Z_BUF_ERROR && stream.avail_in == 0 { return }
                    if status != Z_OK {
                        let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                        failure = InputError(document: document, reason: .invalidGzip(message))
                        return
                    }
                    if stream.avail_in == 0 && stream.avail_out > 0 { return }
                }
            }
            if let failure { throw failure }
        }

        /// After the last piece: an error if the stream stopped inside a member.
        func finish() throws(InputError) {
            guard ended else { throw InputError(document: document, reason: .invalidGzip("truncated stream")) }
        }

        private func check(adding count: Int) -> InputError? {
            produced += count
            if produced > limit {
                return InputError(document: document, reason: .tooLarge(size: produced, limit: limit))
            }
            // Text compresses some tenfold; past 16 MB, more than `maxRatio` is a bomb, refused before it fills
            // memory up to a large `limit`.
            if produced > 16 << 20, produced > consumed * maxRatio {
                return InputError(
                    document: document,
                    reason: .invalidGzip(
                        "a gzip bomb: \(consumed) bytes expand past \(produced) bytes (more than \(maxRatio) times)"))
            }
            return nil
        }
    }
}
