/// The form names are compared in: lower case, hyphens and dots as spaces or nothing, accents kept, one space
/// between words. "Kim Jong-un", "KIM JONG UN" and "Kim Jong Un" share the key `kim jong un`.
public enum NameKey {
    public static func make(_ name: some StringProtocol) -> String {
        makeASCII(name) ?? makeScalars(name)
    }

    /// The key, computed scalar by scalar (any text).
    static func makeScalars(_ name: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in name.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "_", "/":
                pendingSpace = !out.isEmpty
            case ".", "'", "\u{2019}", "`", "\u{00B4}", ",", "(", ")", "\"", "\u{201C}", "\u{201D}":
                if scalar == "." { pendingSpace = pendingSpace || false }
                continue
            default:
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
            }
        }
        return String(out)
    }

    /// The same key for an all-ASCII name, without per-character strings; nil for any other name.
    static func makeASCII(_ name: some StringProtocol) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            switch byte {
            case 0x80...: return nil
            case 0x20, 0x09, 0x0A, 0x2D, 0x5F, 0x2F:  // space, tab, newline, - _ /
                pendingSpace = !out.isEmpty
            case 0x2E, 0x27, 0x60, 0x2C, 0x28, 0x29, 0x22:  // . ' ` , ( ) "
                continue
            default:
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The scorer's fold: no spaces at all ("kimjongun"), for comparing spellings such as "Jong-un"/"Jongun".
    public static func fold(_ name: some StringProtocol) -> String {
        String(String.UnicodeScalarView(make(name).unicodeScalars.filter { $0 != " " }))
    }
}
