internal import Foundation

/// A tab-separated table with a header line: `#` comment lines and blank lines are skipped, columns are read by
/// their header names, and a missing or short row is an error naming the file and line.
struct TSVTable: Sendable {
    struct Row: Sendable {
        var line: Int
        var fields: [String: String]

        subscript(_ column: String) -> String? {
            guard let value = fields[column], !value.isEmpty else { return nil }
            return value
        }

        /// A `|`-separated list column.
        func list(_ column: String) -> [String] {
            (self[column] ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    var name: String
    var columns: [String]
    var rows: [Row]

    init(text: String, name: String, required: [String] = []) throws(KnowledgeError) {
        self.name = name
        var header: [String]?
        var rows = [Row]()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let columns = header else {
                header = cells
                for column in required where !cells.contains(column) {
                    throw KnowledgeError(file: name, line: index + 1, message: "the header lacks the column \"\(column)\"")
                }
                continue
            }
            guard cells.count <= columns.count else {
                throw KnowledgeError(
                    file: name, line: index + 1, message: "\(cells.count) columns, the header has \(columns.count)")
            }
            var fields = [String: String]()
            for (column, cell) in zip(columns, cells) { fields[column] = cell }
            rows.append(Row(line: index + 1, fields: fields))
        }
        self.columns = header ?? []
        self.rows = rows
    }
}

/// A knowledge-base file that cannot be read.
public struct KnowledgeError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}
