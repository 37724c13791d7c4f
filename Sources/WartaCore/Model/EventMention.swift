/// One event as one document reports it (FORMATS.md §2 `events`).
public struct EventMention: Sendable, Hashable, Codable {
    public var type: String
    public var mode: String?
    public var participants: [Participant]
    public var date: String?
    public var location: String?
    public var reportedBy: [String]
    public var modality: String
    public var evidence: Span
    public var confidence: Double

    enum CodingKeys: String, CodingKey {
        case type, mode, participants, date, location, modality, evidence, confidence
        case reportedBy = "reported_by"
    }

    public init(
        type: String, mode: String?, participants: [Participant], date: String?, location: String?,
        reportedBy: [String], modality: String, evidence: Span, confidence: Double
    ) {
        self.type = type
        self.mode = mode
        self.participants = participants
        self.date = date
        self.location = location
        self.reportedBy = reportedBy
        self.modality = modality
        self.evidence = evidence
        self.confidence = confidence
    }

    public struct Participant: Sendable, Hashable, Codable {
        public var name: String
        public var entity: String?

        public init(name: String, entity: String?) {
            self.name = name
            self.entity = entity
        }
    }

    public struct Span: Sendable, Hashable, Codable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }
}
