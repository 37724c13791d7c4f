/// The binary model format, version 3 (or 2, which it extends, for a model without genres). All numbers
/// little-endian; `varint` is LEB128; a string is a varint byte count and UTF-8 bytes.
///
/// ```
/// "WARTANER"  UInt32 version  UInt32 FNV-1a checksum of everything after it
/// string info   varint L, L × string label   string lexicon
///                       (version 3: varint N, N × (string genre, varint C, C × (string word, Float32 cue)), words sorted)
/// varint G, G × varint clusters   varint W, W × word   (words sorted; front-coded: varint shared, string rest;
///                       UInt8 capitalisation class or 255; varint profile + 1 or 0; G × varint cluster + 1 or 0)
/// Float32 scale   (L+1)·L + L × Float32 transitions then stops
/// varint F, F × feature   (sorted by hash: varint hash delta, ⌈L/8⌉ bytes label mask, Int16 × set bits)
/// ```
/// A weight is its Int16 times `scale`.
extension NERModel {
    static let magic = Array("WARTANER".utf8)
    /// 2: features are hashed from part hashes (version 1 hashed whole strings per feature).
    /// 3: the genres with private features follow the lexicon. A model without genres is still written as version
    /// 2, byte for byte as before.
    static let version: UInt32 = 3
    static let oldestVersion: UInt32 = 2

    /// The model's bytes. Equal models give equal bytes: everything is written in sorted order.
    public func encoded() -> [UInt8] {
        var body = ByteWriter()
        body.string(info)
        body.varint(labels.count)
        for label in labels { body.string(label) }
        body.string(lexicon.source)
        if !genres.isEmpty {
            body.varint(genres.count)
            for (genre, cues) in zip(genres, genreCues) {
                body.string(genre)
                body.varint(cues.count)
                for word in cues.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                    body.string(word)
                    body.float(cues[word]!)
                }
            }
        }

        body.varint(statistics.granularities.count)
        for g in statistics.granularities { body.varint(g) }
        let words = Set(statistics.capitalisation.keys).union(statistics.clusters.keys).union(statistics.profiles.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        body.varint(words.count)
        var previous: [UInt8] = []
        for word in words {
            let bytes = Array(word.utf8)
            var shared = 0
            while shared < min(bytes.count, previous.count), bytes[shared] == previous[shared] { shared += 1 }
            body.varint(shared)
            body.varint(bytes.count - shared)
            body.bytes(bytes[shared...])
            body.byte(statistics.capitalisation[word] ?? 255)
            body.varint(statistics.profiles[word].map { Int($0) + 1 } ?? 0)
            let ids = statistics.clusters[word] ?? []
            for level in 0..<statistics.granularities.count {
                body.varint(level < ids.count ? Int(ids[level]) + 1 : 0)
            }
            previous = bytes
        }

        let l = labels.count
        body.float(scale)
        for t in transitions { body.float(t) }
        for s in stops { body.float(s) }
        let maskBytes = (l + 7) / 8
        let sorted = rows.sorted { $0.key < $1.key }
        body.varint(sorted.count)
        var last: UInt64 = 0
        for (hash, row) in sorted {
            body.varint64(hash &- last)
            last = hash
            let base = Int(row) * l
            var mask = [UInt8](repeating: 0, count: maskBytes)
            var values: [Int16] = []
            for k in 0..<l {
                let q = quantized[base + k]
                if q != 0 {
                    mask[k / 8] |= 1 << UInt8(k % 8)
                    values.append(q)
                }
            }
            body.bytes(mask[...])
            for v in values { body.int16(v) }
        }

        var out = ByteWriter()
        out.bytes(Self.magic[...])
        out.uint32(genres.isEmpty ? Self.oldestVersion : Self.version)
        out.uint32(fnv32(body.buffer))
        out.bytes(body.buffer[...])
        return out.buffer
    }

    /// Reads a model from its bytes; `source` names it in errors.
    public init(bytes: [UInt8], source: String) throws {
        var r = ByteReader(bytes: bytes, source: source)
        guard bytes.count >= 16, Array(bytes[0..<8]) == Self.magic else {
            throw NERError(code: "not-a-model", source: source, message: "not a Warta NER model (no WARTANER header)")
        }
        r.position = 8
        let version = try r.uint32()
        guard version >= Self.oldestVersion, version <= Self.version else {
            throw NERError(
                code: "unsupported-version", source: source,
                message: "model format version \(version); this tagger reads versions \(Self.oldestVersion)–\(Self.version)")
        }
        let checksum = try r.uint32()
        guard fnv32(bytes[16...]) == checksum else {
            throw NERError(code: "malformed", source: source, message: "checksum mismatch: the model file is damaged")
        }
        let info = try r.string()
        let labelCount = try r.varint()
        guard labelCount > 0, labelCount < 256 else { throw r.error("implausible label count \(labelCount)") }
        var labels: [String] = []
        for _ in 0..<labelCount { labels.append(try r.string()) }
        let lexicon = try NERLexicon(tsv: try r.string(), name: "\(source) (lexicon)")
        var genres: [String] = []
        var genreCues: [[String: Float]] = []
        if version >= 3 {
            let genreCount = try r.varint()
            guard genreCount < 64 else { throw r.error("implausible genre count \(genreCount)") }
            for _ in 0..<genreCount {
                genres.append(try r.string())
                var cues: [String: Float] = [:]
                let cueCount = try r.varint()
                guard cueCount <= bytes.count else { throw r.error("implausible cue count \(cueCount)") }
                for _ in 0..<cueCount {
                    let word = try r.string()
                    cues[word] = try r.float()
                }
                genreCues.append(cues)
            }
        }

        let granularityCount = try r.varint()
        var granularities: [Int] = []
        for _ in 0..<granularityCount { granularities.append(try r.varint()) }
        let wordCount = try r.varint()
        var capitalisation: [String: UInt8] = [:]
        var clusters: [String: [UInt16]] = [:]
        var profiles: [String: UInt16] = [:]
        var previous: [UInt8] = []
        for _ in 0..<wordCount {
            let shared = try r.varint()
            guard shared <= previous.count else { throw r.error("bad word prefix") }
            let bytes = Array(previous[..<shared]) + (try r.byteString())
            let word = String(decoding: bytes, as: UTF8.self)
            let cap = try r.byte()
            if cap != 255 { capitalisation[word] = cap }
            let profile = try r.varint()
            if profile > 0 { profiles[word] = UInt16(truncatingIfNeeded: profile - 1) }
            var ids: [UInt16] = []
            for _ in 0..<granularityCount {
                let id = try r.varint()
                if id > 0 { ids.append(UInt16(truncatingIfNeeded: id - 1)) }
            }
            if !ids.isEmpty { clusters[word] = ids }
            previous = bytes
        }

        let scale = try r.float()
        var transitions: [Float] = []
        for _ in 0..<((labelCount + 1) * labelCount) { transitions.append(try r.float()) }
        var stops: [Float] = []
        for _ in 0..<labelCount { stops.append(try r.float()) }
        let featureCount = try r.varint()
        var rows: [UInt64: Int32] = [:]
        rows.reserveCapacity(featureCount)
        var quantized = [Int16](repeating: 0, count: featureCount * labelCount)
        let maskBytes = (labelCount + 7) / 8
        var hash: UInt64 = 0
        for row in 0..<featureCount {
            hash &+= try r.varint64()
            rows[hash] = Int32(row)
            let mask = Array(try r.take(maskBytes))
            for k in 0..<labelCount where mask[k / 8] & (1 << UInt8(k % 8)) != 0 {
                quantized[row * labelCount + k] = try r.int16()
            }
        }
        guard r.position == bytes.count else { throw r.error("\(bytes.count - r.position) bytes after the model") }
        self.init(
            labels: labels, info: info, lexicon: lexicon,
            statistics: WordStatistics(
                capitalisation: capitalisation, profiles: profiles, clusters: clusters, granularities: granularities),
            rows: rows, quantized: quantized, scale: scale, transitions: transitions, stops: stops, genres: genres, genreCues: genreCues)
    }
}

private func fnv32<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
    var h: UInt32 = 0x811C_9DC5
    for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
    return h
}

private struct ByteWriter {
    var buffer: [UInt8] = []

    mutating func byte(_ b: UInt8) { buffer.append(b) }
    mutating func bytes(_ b: ArraySlice<UInt8>) { buffer.append(contentsOf: b) }
    mutating func varint(_ value: Int) {
        precondition(value >= 0, "varints are not negative")
        varint64(UInt64(value))
    }
    mutating func varint64(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            buffer.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        buffer.append(UInt8(v))
    }
    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
    mutating func int16(_ value: Int16) {
        let u = UInt16(bitPattern: value)
        buffer.append(UInt8(truncatingIfNeeded: u))
        buffer.append(UInt8(truncatingIfNeeded: u >> 8))
    }
    mutating func float(_ value: Float) { uint32(value.bitPattern) }
    mutating func string(_ s: String) {
        varint(s.utf8.count)
        buffer.append(contentsOf: s.utf8)
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    let source: String
    var position = 0

    init(bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
    }

    func error(_ message: String) -> NERError {
        NERError(code: "malformed", source: "\(source)@\(position)", message: message)
    }

    mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - position else {
            throw NERError(code: "truncated", source: "\(source)@\(position)", message: "the model file ends early")
        }
        defer { position += count }
        return bytes[position..<position + count]
    }
    mutating func byte() throws -> UInt8 { try take(1).first! }
    mutating func varint64() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw error("varint too long") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }
    mutating func varint() throws -> Int {
        let v = try varint64()
        guard v <= UInt64(Int32.max) else { throw error("implausible count \(v)") }
        return Int(v)
    }
    mutating func uint32() throws -> UInt32 {
        let b = try take(4)
        return b.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }
    mutating func int16() throws -> Int16 {
        let b = try take(2)
        return Int16(bitPattern: UInt16(b[b.startIndex]) | UInt16(b[b.startIndex + 1]) << 8)
    }
    mutating func float() throws -> Float { Float(bitPattern: try uint32()) }
    mutating func byteString() throws -> [UInt8] { Array(try take(try varint())) }
    mutating func string() throws -> String {
        let b = try byteString()
        guard let s = String(validating: b, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
        return s
    }
}
