/// Encodes `Encodable` values as compact JSON, written straight into a byte buffer as the values are visited.
///
/// Foundation's `JSONEncoder` first builds a tree of every value, then writes it; for the many small records a store
/// writes per document (the analysis, entity aliases, event inputs) that costs several times the writing itself.
/// This encoder writes keys in the order the type encodes them, and a dictionary's keys sorted (so that the same
/// value always gives the same text, whatever the dictionary's hash seed), strings as UTF-8 with `"`, `\` and
/// control characters escaped (slashes are not), integers and finite floating-point numbers as JSON numbers; a
/// non-finite number is an error, as with `JSONEncoder`. Its output decodes with `JSONDecoder` to the same value.
///
/// ```swift
/// let json = try StreamingJSONEncoder().encode(["a", "b/c"])   // ["a","b/c"]
/// ```
public struct StreamingJSONEncoder: Sendable {
    public init() {}

    /// The JSON text of `value`.
    ///
    /// - Throws: `EncodingError.invalidValue` for a non-finite number, or what `value`'s `encode(to:)` throws.
    public func encode<T: Encodable>(_ value: T) throws -> String {
        let sink = JSONSink()
        try sink.value(value)
        return String(decoding: sink.bytes, as: UTF8.self)
    }
}

/// The output buffer and the containers still open in it, innermost last.
final class JSONSink {
    // One sink serves one encoding on one thread: no need to check each access at run time.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    /// For each open container: its closing byte and whether it holds an element yet.
    @exclusivity(unchecked) private var open: [(close: UInt8, count: Int)] = []

    init() {
        bytes.reserveCapacity(1024)
    }

    /// Writes `value`, closing whatever containers its encoding opened.
    ///
    /// Strings, numbers, booleans and their optionals are recognised by their type (a pointer comparison), not by
    /// dynamic casts, which cost more than writing them.
    func value<T: Encodable>(_ value: T) throws {
        func reading<U>(_ type: U.Type) -> U {
            withUnsafePointer(to: value) { $0.withMemoryRebound(to: U.self, capacity: 1) { $0.pointee } }
        }
        if T.self == String.self {
            string(reading(String.self))
        } else if T.self == String?.self {
            if let text = reading(String?.self) { string(text) } else { null() }
        } else if T.self == Int.self {
            integer(reading(Int.self))
        } else if T.self == Int?.self {
            if let number = reading(Int?.self) { integer(number) } else { null() }
        } else if T.self == Double.self {
            try double(reading(Double.self))
        } else if T.self == Double?.self {
            if let number = reading(Double?.self) { try double(number) } else { null() }
        } else if T.self == Bool.self {
            append(reading(Bool.self) ? "true" : "false")
        } else if T.self == [String].self {
            let depth = open.count
            openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), depth: depth)
            for text in reading([String].self) {
                element(depth: depth)
                string(text)
            }
            close(to: depth)
        } else {
            switch value {
            case let float as Float:
                guard float.isFinite else { try self.double(Double(float)); return }
                bytes.append(contentsOf: "\(float)".utf8)
            case let integer as any BinaryInteger: self.integer(integer)
            case let dictionary as any SortedJSONObject: try dictionary.write(to: self)
            default:
                let depth = open.count
                let encoder = StreamEncoder(sink: self, depth: depth)
                try value.encode(to: encoder)
                if !encoder.wrote { append("{}") }
                close(to: depth)
            }
        }
    }

    /// The number of containers open.
    var openDepth: Int { open.count }

    /// Opens a container at `depth` (closing any deeper one first).
    func openContainer(_ opening: UInt8, _ closing: UInt8, depth: Int) {
        close(to: depth)
        bytes.append(opening)
        open.append((closing, 0))
    }

    /// Closes the containers deeper than `depth`.
    func close(to depth: Int) {
        while open.count > depth { bytes.append(open.removeLast().close) }
    }

    /// Before an element of the container at `depth`: closes deeper containers and writes the comma.
    func element(depth: Int) {
        close(to: depth + 1)
        if open[depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[depth].count += 1
    }

    func key(_ key: String, depth: Int) {
        element(depth: depth)
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func null() { append("null") }

    func integer<I: BinaryInteger>(_ value: I) {
        bytes.append(contentsOf: String(value).utf8)
    }

    func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "\(value) cannot be written as JSON"))
        }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            integer(Int64(value))
        } else {
            bytes.append(contentsOf: "\(value)".utf8)
        }
    }

    func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let plain = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain == true {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            case 0..<0x20:
                append("\\u00")
                let digits: StaticString = "0123456789abcdef"
                digits.withUTF8Buffer { hex in
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A dictionary with string keys, written with its keys in order.
protocol SortedJSONObject {
    func write(to sink: JSONSink) throws
}

extension Dictionary: SortedJSONObject where Key == String, Value: Encodable {
    func write(to sink: JSONSink) throws {
        let depth = sink.openDepth
        sink.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), depth: depth)
        for key in keys.sorted() {
            sink.key(key, depth: depth)
            try sink.value(self[key]!)
        }
        sink.close(to: depth)
    }
}

/// The `Encoder` one value is encoded with; `depth` is where its container goes in the sink.
final class StreamEncoder: Encoder {
    let sink: JSONSink
    let depth: Int
    /// Whether the value asked for a container (or wrote a single value).
    var wrote = false
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(sink: JSONSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if !wrote {
            wrote = true
            sink.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), depth: depth)
        }
        return KeyedEncodingContainer(KeyedStream<Key>(sink: sink, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if !wrote {
            wrote = true
            sink.openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), depth: depth)
        }
        return UnkeyedStream(sink: sink, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        wrote = true
        return SingleStream(sink: sink)
    }
}

struct KeyedStream<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        sink.key(key.stringValue, depth: depth)
        sink.null()
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        sink.key(key.stringValue, depth: depth)
        sink.string(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        sink.key(key.stringValue, depth: depth)
        sink.append(value ? "true" : "false")
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        sink.key(key.stringValue, depth: depth)
        sink.integer(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        sink.key(key.stringValue, depth: depth)
        try sink.double(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        sink.key(key.stringValue, depth: depth)
        try sink.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        sink.key(key.stringValue, depth: depth)
        sink.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), depth: depth + 1)
        return KeyedEncodingContainer(KeyedStream<NestedKey>(sink: sink, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.key(key.stringValue, depth: depth)
        sink.openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), depth: depth + 1)
        return UnkeyedStream(sink: sink, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        sink.key("super", depth: depth)
        return StreamEncoder(sink: sink, depth: depth + 1)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        sink.key(key.stringValue, depth: depth)
        return StreamEncoder(sink: sink, depth: depth + 1)
    }
}

struct UnkeyedStream: UnkeyedEncodingContainer {
    let sink: JSONSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(sink: JSONSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    mutating func encodeNil() throws {
        sink.element(depth: depth)
        count += 1
        sink.null()
    }

    mutating func encode(_ value: String) throws {
        sink.element(depth: depth)
        count += 1
        sink.string(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        sink.element(depth: depth)
        count += 1
        try sink.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        sink.element(depth: depth)
        count += 1
        sink.openContainer(UInt8(ascii: "{"), UInt8(ascii: "}"), depth: depth + 1)
        return KeyedEncodingContainer(KeyedStream<NestedKey>(sink: sink, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.element(depth: depth)
        count += 1
        sink.openContainer(UInt8(ascii: "["), UInt8(ascii: "]"), depth: depth + 1)
        return UnkeyedStream(sink: sink, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        sink.element(depth: depth)
        count += 1
        return StreamEncoder(sink: sink, depth: depth + 1)
    }
}

struct SingleStream: SingleValueEncodingContainer {
    let sink: JSONSink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.null() }
    mutating func encode(_ value: String) throws { sink.string(value) }
    mutating func encode(_ value: Bool) throws { sink.append(value ? "true" : "false") }
    mutating func encode(_ value: Int) throws { sink.integer(value) }
    mutating func encode(_ value: Double) throws { try sink.double(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.value(value) }
}
