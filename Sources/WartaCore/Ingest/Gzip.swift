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
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw InputError(document: document, reason: .invalidGzip("zlib could not start"))
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        output.reserveCapacity(min(limit, max(input.count * 4, 1 << 16)))
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var failure: InputError?
        input.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(chunkSize)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunkSize - Int(stream.avail_out)
                if output.count + produced > limit {
                    failure = InputError(
                        document: document, reason: .tooLarge(size: output.count + produced, limit: limit))
                    return
                }
                // Text compresses some tenfold; past 16 MB, more than `maxRatio` is a bomb,
                // refused before it fills memory up to a large `limit`.
                if output.count + produced > 16 << 20, output.count + produced > input.count * maxRatio {
                    failure = InputError(
                        document: document,
                        reason: .invalidGzip(
                            "a gzip bomb: \(input.count) bytes expand past \(output.count + produced) bytes "
                                + "(more than \(maxRatio) times)"))
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END {
                    // Another gzip member may follow.
                    if stream.avail_in > 0, inflateReset(&stream) == Z_OK { continue }
                    return
                }
                if status != Z_OK {
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    failure = InputError(document: document, reason: .invalidGzip(message))
                    return
                }
                if stream.avail_in == 0 && produced == 0 {
                    failure = InputError(document: document, reason: .invalidGzip("truncated stream"))
                    return
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
