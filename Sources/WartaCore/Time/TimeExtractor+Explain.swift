/// A readable listing of the time expressions of a text, for `warta dates "TEXT" --anchor DATE`.
extension TimeExtractor {
    /// One line per mention: offsets, text, value, anchor and note.
    ///
    /// For "Kim bertemu Putin pada Rabu, (13/9/2023). Rapat digelar bulan lalu." and anchor 2023-09-17:
    /// ```
    /// 23-40  "Rabu, (13/9/2023)"  2023-09-13  explicit
    /// 56-66  "bulan lalu"  2023-08  published  (1 month before publication date 2023-09-17)
    /// ```
    ///
    /// - Parameters:
    ///   - text: any text.
    ///   - anchor: the date to resolve against, as the publication date ("2023-09-17"), or nil.
    ///   - language: "id" or "en".
    ///   - yearHint: see ``extract(text:published:language:yearHint:)``.
    public func explain(text: String, anchor: String?, language: String = "id", yearHint: YearHint? = nil) -> [String] {
        extract(text: text, published: anchor, language: language, yearHint: yearHint).map { m in
            var line = "\(m.start)-\(m.end)  \"\(m.text)\"  \(m.value)  \(m.anchor)"
            if let note = m.note { line += "  (\(note))" }
            if m.conflict == true { line += "  CONFLICT" }
            return line
        }
    }
}
