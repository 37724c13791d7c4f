internal import Foundation

/// Normalises decoded text before cleaning: line ends, odd spaces, invisible characters, mojibake, NFC.
///
/// Works over Unicode scalars in one pass (plus NFC only when the text holds combining marks), so a
/// document of a few kilobytes costs microseconds.
public enum TextNormalizer {
    /// The normalised form of `text`:
    /// - CRLF and CR become LF; form feeds, vertical tabs and line/paragraph separators become LF;
    /// - no-break, figure, narrow, thin and other Unicode spaces and tabs become a plain space;
    /// - zero-width spaces and joiners, BOMs, soft hyphens and bidi marks are removed;
    /// - UTF-8 read as Windows-1252 ("â€œ") or as Mac Roman ("‚Äú", "¬†") is repaired where the whole
    ///   sequence decodes to one valid character (a certain repair, never a guess);
    /// - the result is in Unicode NFC.
    public static func normalize(_ text: String) -> String {
        // Fast path: printable ASCII and line feeds only — nothing to change.
        if text.utf8.allSatisfy({ $0 == 0x0A || ($0 >= 0x20 && $0 < 0x7F) }) { return text }
        let scalars = repairMojibake(Array(text.unicodeScalars))
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var needsNFC = false
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let v = s.value
            switch v {
            case 0x20...0x7E, 0x0A:
                out.append(UInt8(truncatingIfNeeded: v))
            case 0x0D:
                out.append(0x0A)
                if i + 1 < scalars.count, scalars[i + 1].value == 0x0A { i += 1 }
            case 0x0B, 0x0C, 0x2028, 0x2029, 0x85:
                out.append(0x0A)
            case 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                out.append(0x20)
            case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xAD, 0x202A...0x202E, 0x2066...0x2069, 0x180E:
                break
            case 0x00...0x08, 0x0E...0x1F, 0x7F, 0x80...0x84, 0x86...0x9F:
                break  // stray control characters
            default:
                if (0x300...0x36F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
                    || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v) || (0x1100...0x11FF).contains(v)
                {
                    needsNFC = true
                }
                out.append(contentsOf: UTF8.encode(s)!)
            }
            i += 1
        }
        let result = String(decoding: out, as: UTF8.self)
        return needsNFC ? result.precomposedStringWithCanonicalMapping : result
    }

    /// Repairs UTF-8 byte sequences that were decoded as Windows-1252 or Mac Roman.
    static func repairMojibake(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains(where: { $0.value >= 0xC2 }) else { return scalars }
        var out = [Unicode.Scalar]()
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            if let (scalar, used) = decodeMisread(scalars, at: i, table: cp1252Byte)
                ?? decodeMisread(scalars, at: i, table: macRomanByte)
            {
                out.append(scalar)
                i += used
            } else if scalars[i] == "\u{E2}", i + 1 < scalars.count, scalars[i + 1] == "\u{20AC}" {
                // "â€" whose third byte was lost: the undefined 0x9D of a right double quote.
                out.append("\u{201D}")
                i += 2
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return out
    }

    /// If the scalars at `i` are the bytes of one UTF-8 multi-byte character read in another encoding,
    /// the character and how many scalars it took.
    private static func decodeMisread(
        _ scalars: [Unicode.Scalar], at i: Int, table: (Unicode.Scalar) -> UInt8?
    ) -> (Unicode.Scalar, Int)? {
        guard let lead = table(scalars[i]) else { return nil }
        // Only the leads that real mojibake shows are repaired: 0xC2/0xC3 (no-break space, Latin-1
        // letters: "Â ", "Ã©", "¬†", "√©") and 0xE2 (quotes, dashes, ellipsis: "â€œ", "‚Äú").
        let length: Int
        switch lead {
        case 0xC2, 0xC3: length = 2
        case 0xE2: length = 3
        default: return nil
        }
        guard i + length <= scalars.count else { return nil }
        var bytes = [lead]
        for j in 1..<length {
            guard let b = table(scalars[i + j]), (0x80...0xBF).contains(b) else { return nil }
            bytes.append(b)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self), let scalar = decoded.unicodeScalars.first,
            decoded.unicodeScalars.count == 1, scalar.value >= 0xA0
        else { return nil }
        return (scalar, length)
    }

    /// The Windows-1252 byte for a scalar, if it has one in 0x80–0xFF.
    private static func cp1252Byte(_ s: Unicode.Scalar) -> UInt8? {
        let v = s.value
        if (0xA0...0xFF).contains(v) { return UInt8(v) }
        // Bytes that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come through as C1 controls.
        if [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(v) { return UInt8(v) }
        if let index = TextDecoder.cp1252High.firstIndex(of: v), v > 0xFF { return UInt8(0x80 + index) }
        return nil
    }

    /// The Mac Roman byte for a scalar, if it has one in 0x80–0xFF.
    private static func macRomanByte(_ s: Unicode.Scalar) -> UInt8? {
        macRomanIndex[s.value]
    }

    private static let macRomanIndex: [UInt32: UInt8] = {
        let high: [UInt32] = [
            0xC4, 0xC5, 0xC7, 0xC9, 0xD1, 0xD6, 0xDC, 0xE1, 0xE0, 0xE2, 0xE4, 0xE3, 0xE5, 0xE7, 0xE9, 0xE8,
            0xEA, 0xEB, 0xED, 0xEC, 0xEE, 0xEF, 0xF1, 0xF3, 0xF2, 0xF4, 0xF6, 0xF5, 0xFA, 0xF9, 0xFB, 0xFC,
            0x2020, 0xB0, 0xA2, 0xA3, 0xA7, 0x2022, 0xB6, 0xDF, 0xAE, 0xA9, 0x2122, 0xB4, 0xA8, 0x2260, 0xC6, 0xD8,
            0x221E, 0xB1, 0x2264, 0x2265, 0xA5, 0xB5, 0x2202, 0x2211, 0x220F, 0x3C0, 0x222B, 0xAA, 0xBA, 0x3A9, 0xE6, 0xF8,
            0xBF, 0xA1, 0xAC, 0x221A, 0x192, 0x2248, 0x2206, 0xAB, 0xBB, 0x2026, 0xA0, 0xC0, 0xC3, 0xD5, 0x152, 0x153,
            0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0xF7, 0x25CA, 0xFF, 0x178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
            0x2021, 0xB7, 0x201A, 0x201E, 0x2030, 0xC2, 0xCA, 0xC1, 0xCB, 0xC8, 0xCD, 0xCE, 0xCF, 0xCC, 0xD3, 0xD4,
            0xF8FF, 0xD2, 0xDA, 0xDB, 0xD9, 0x131, 0x2C6, 0x2DC, 0xAF, 0x2D8, 0x2D9, 0x2DA, 0xB8, 0x2DD, 0x2DB, 0x2C7,
        ]
        var map = [UInt32: UInt8]()
        for (i, v) in high.enumerated() { map[v] = UInt8(0x80 + i) }
        return map
    }()
}
