/// The form names are compared in: lower case, hyphens and dots as spaces or nothing, accents kept, one space
/// between words. "Kim Jong-un", "KIM JONG UN" and "Kim Jong Un" share the key `kim jong un`.
public enum NameKey {
    public static func make(_ name: some StringProtocol) -> String {
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

    /// The scorer's fold: no spaces at all ("kimjongun"), for comparing spellings such as "Jong-un"/"Jongun".
    public static func fold(_ name: some StringProtocol) -> String {
        String(String.UnicodeScalarView(make(name).unicodeScalars.filter { $0 != " " }))
    }
}
