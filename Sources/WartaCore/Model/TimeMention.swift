// Placeholder until the Time stage lands; same shape as FORMATS.md §2 `times`.
public struct TimeMention: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public var text: String
    public var value: String
    public var anchor: String
    public var note: String?
}
