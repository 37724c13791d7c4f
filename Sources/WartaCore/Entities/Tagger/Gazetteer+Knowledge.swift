public import Foundation

extension Gazetteer {
    /// The knowledge-base files a gazetteer is read from, and the type of the names in each (a `type` column, where
    /// a file has one, overrides it).
    public static let knowledgeFiles: [(file: String, type: String)] = [
        ("countries.tsv", "LOC"), ("places.tsv", "LOC"), ("organizations.tsv", "ORG"), ("people.tsv", "PER"),
        ("regions-idn.tsv", "LOC"), ("places-world.tsv", "LOC"),
    ]

    /// A gazetteer of the names in the knowledge base's TSV files in `directory` (those of ``knowledgeFiles`` that
    /// exist).
    ///
    /// Each file starts with a header line of column names (after any `#` comment lines; a comment line holding tabs
    /// may give them instead). Every column whose name contains `name`, `alias` or `label` (`name`, `name_en`,
    /// `name_id`, `aliases`) holds names, and so does `capital` (places); a cell may list several, separated by
    /// `|` or `;`.
    ///
    /// - Throws: ``NERError`` if a file exists but cannot be read.
    public init(knowledgeDirectory directory: URL) throws {
        self.init()
        for (file, type) in Self.knowledgeFiles {
            let url = directory.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let text: String
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw NERError(code: "unreadable", source: url.path, message: "cannot read: \(error)")
            }
            for (name, nameType) in Self.names(tsv: text, defaultType: type) { insert(name: name, type: nameType) }
        }
    }

    /// The (name, type) pairs of one knowledge-base TSV file.
    static func names(tsv: String, defaultType: String) -> [(String, String)] {
        var header: [String]? = nil
        var commentHeader: [String]? = nil
        var result: [(String, String)] = []
        for raw in CoNLL.lines(tsv) where !raw.isEmpty {
            let line = String(raw)
            if line.hasPrefix("#") {
                let body = line.drop { $0 == "#" || $0 == " " }
                if body.contains("\t") {
                    commentHeader = body.split(separator: "\t", omittingEmptySubsequences: false).map {
                        $0.trimmingCharacters(in: .whitespaces).lowercased()
                    }
                }
                continue
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let columns = header else {
                let lowered = cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                if lowered.contains(where: isNameColumn) {
                    header = lowered
                    continue
                }
                header = commentHeader ?? ["name"]
                result += row(cells, columns: header!, defaultType: defaultType)
                continue
            }
            result += row(cells, columns: columns, defaultType: defaultType)
        }
        return result
    }

    private static func isNameColumn(_ column: String) -> Bool {
        column.contains("name") || column.contains("alias") || column.contains("label") || column == "capital"
    }

    private static func row(_ cells: [String], columns: [String], defaultType: String) -> [(String, String)] {
        var type = defaultType
        if let t = columns.firstIndex(of: "type"), t < cells.count {
            let value = cells[t].trimmingCharacters(in: .whitespaces).uppercased()
            if ["PER", "ORG", "LOC", "GPE"].contains(value) { type = value }
        }
        var names: [(String, String)] = []
        for (index, column) in columns.enumerated() where index < cells.count && isNameColumn(column) {
            // A country's capital is a place.
            let type = column == "capital" ? "LOC" : type
            for name in cells[index].split(whereSeparator: { $0 == "|" || $0 == ";" }) {
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { names.append((trimmed, type)) }
            }
        }
        return names
    }
}
