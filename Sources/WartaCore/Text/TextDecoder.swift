/// Turns raw bytes into text: UTF-8 with or without BOM, else Windows-1252 (a superset of Latin-1 for the
/// printable range), refusing what is not text at all.
public enum TextDecoder {
    /// How the bytes were read.
    public enum Encoding: String, Sendable, Codable {
        case utf8 = "utf-8"
        case windows1252 = "windows-1252"
    }

    /// Decodes `bytes` as text.
    ///
    /// - Throws: ``InputError`` with `.binary` when the bytes hold NULs or many control characters,
    ///   `.empty` when nothing but white space is there.
    public static func decode(_ bytes: [UInt8], document: String) throws(InputError) -> (String, Encoding) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw InputError(document: document, reason: .notText("UTF-16 text is not supported; convert it to UTF-8"))
        }
        try checkLooksLikeText(body, document: document)
        let text: String
        let encoding: Encoding
        if let utf8 = String(validating: body, as: UTF8.self) {
            text = utf8
            encoding = .utf8
        } else {
            try checkLooksLikeWindows1252(body, document: document)
            text = String(String.UnicodeScalarView(body.map { windows1252Scalar($0) }))
            encoding = .windows1252
        }
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw InputError(document: document, reason: .empty)
        }
        return (text, encoding)
    }

    /// Refuses bytes with NUL or with more than 1% of C0 control characters other than tab, CR, LF, FF.
    static func checkLooksLikeText(_ bytes: ArraySlice<UInt8>, document: String) throws(InputError) {
        var controls = 0
        var index = bytes.startIndex
        for byte in bytes {
            if byte == 0 {
                throw InputError(
                    document: document, reason: .binary("NUL byte at offset \(index - bytes.startIndex)"))
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
            index += 1
        }
        if controls > 8 && controls * 100 > bytes.count {
            throw InputError(document: document, reason: .binary("\(controls) control bytes"))
        }
    }

    /// Refuses bytes that are not UTF-8 and too full of bytes past ASCII to be Windows-1252 text either:
    /// Latin text has a few accented letters and curly quotes among plain letters, not a third of them.
    static func checkLooksLikeWindows1252(_ bytes: ArraySlice<UInt8>, document: String) throws(InputError) {
        var high = 0
        var visible = 0
        for byte in bytes where byte > 0x20 {
            visible += 1
            if byte >= 0x80 { high += 1 }
        }
        guard high > 16 && high * 3 > visible else { return }
        let offset = invalidUTF8Offset(bytes)
        let byte = bytes[bytes.startIndex + min(offset, bytes.count - 1)]
        throw InputError(
            document: document,
            reason: .notText(
                "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset)) "
                    + "and too many bytes past ASCII (\(high) of \(visible)) for Windows-1252 text"))
    }

    /// Where UTF-8 decoding of `bytes` first fails (their count when it never does), for messages.
    static func invalidUTF8Offset(_ bytes: some Collection<UInt8>) -> Int {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return offset
    }

    /// The Unicode scalar for a Windows-1252 byte (undefined positions map to their Latin-1 C1 control).
    public static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte < 0x80 || byte >= 0xA0 { return Unicode.Scalar(byte) }
        let value = cp1252High[Int(byte - 0x80)]
        return Unicode.Scalar(value) ?? Unicode.Scalar(byte)
    }

    /// Windows-1252 code points for bytes 0x80–0x9F.
    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
