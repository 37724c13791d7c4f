import Testing
import WartaCore

@Suite struct EventMergerTests {
    static func input(
        _ doc: String, _ type: String, _ actors: [String], date: String?, location: String? = nil, mode: String? = "meet",
        modality: String = "asserted", start: Int = 0
    ) -> EventMerger.Input {
        let event = EventMention(
            type: type, mode: mode, participants: actors.map { .init(name: $0, entity: nil) }, date: date,
            location: location, reportedBy: [], modality: modality, evidence: .init(start: start, end: start + 10),
            confidence: 0.7)
        let participants = actors.map { name in
            EventMerger.Input.Actor(
                key: "name:\(NameKey.make(name))", name: name, aliases: [], isCountry: ["Russia", "North Korea"].contains(name),
                country: ["Kim Jong Un": "North Korea", "Vladimir Putin": "Russia", "North Korea": "North Korea"][name])
        }
        return EventMerger.Input(document: doc, event: event, participants: participants)
    }

    @Test func sameMeetingFromThreeReportsIsOneEvent() {
        let merged = EventMerger().merge([
            Self.input("a", "CONSULT", ["Kim Jong Un", "Vladimir Putin"], date: "2023-09-13", location: "Vostochny"),
            Self.input("b", "CONSULT", ["Vladimir Putin", "Kim Jong Un"], date: "2023-09"),
            Self.input("c", "CONSULT", ["Kim Jong Un", "Vladimir Putin"], date: "XXXX-09-13"),
        ])
        #expect(merged.count == 1)
        #expect(merged.first?.date == "2023-09-13")
        #expect(merged.first?.sources == ["a", "b", "c"])
        #expect(merged.first?.mentions == 3)
        #expect(merged.first?.location == "Vostochny")
    }

    @Test func differentDaysTypesOrModalitiesStayApart() {
        let merged = EventMerger().merge([
            Self.input("a", "CONSULT", ["Kim Jong Un", "Sergei Shoigu"], date: "2023-07-26"),
            Self.input("a", "CONSULT", ["Kim Jong Un", "Sergei Shoigu"], date: "2024-09-13", start: 50),
            Self.input("a", "AGREE", ["Kim Jong Un", "Sergei Shoigu"], date: "2023-07-26", mode: "sign", start: 90),
            Self.input("b", "CONSULT", ["Kim Jong Un", "Sergei Shoigu"], date: "2023-07-26", modality: "planned"),
        ])
        #expect(merged.count == 4)
    }

    /// Found by the kill test: a meeting reported as held and as planned in one report gave two events with one id,
    /// so a store kept one or the other. Modality is now part of the id, and the order is total.
    @Test func heldAndPlannedMeetingsAreTwoEventsWithTwoIDs() {
        var inputs = [EventMerger.Input]()
        for doc in 0..<24 {
            inputs.append(
                Self.input(
                    "d\(doc)", "CONSULT", ["Kim Jong Un", "Vladimir Putin"], date: "2023-09-\(10 + doc % 9)",
                    modality: "planned", start: 50))
            inputs.append(
                Self.input("d\(doc)", "CONSULT", ["Kim Jong Un", "Vladimir Putin"], date: "2023-09-\(10 + doc % 9)"))
        }
        let merged = EventMerger().merge(inputs)
        #expect(Set(merged.map(\.id)).count == merged.count)
        #expect(merged.contains { $0.modality == "planned" } && merged.contains { $0.modality == "asserted" })
        #expect(EventMerger().merge(inputs.reversed()).map(\.id) == merged.map(\.id))
    }

    @Test func arrivalJoinsTheMeetingOfTheSameDay() {
        let merged = EventMerger().merge([
            Self.input("a", "CONSULT", ["Vladimir Putin", "North Korea"], date: "2024-06-19", mode: "visit"),
            Self.input("a", "CONSULT", ["Kim Jong Un", "Vladimir Putin"], date: "2024-06-19", location: "Pyongyang", start: 40),
        ])
        #expect(merged.count == 1)
        #expect(merged.first?.participants == ["Vladimir Putin", "Kim Jong Un"])
    }

    @Test(arguments: [1, 2, 3, 42, 2024])
    func resultDoesNotDependOnOrder(seed: UInt64) {
        var inputs = [EventMerger.Input]()
        let people = ["Kim Jong Un", "Vladimir Putin", "Sergei Shoigu", "Xi Jinping", "Sergey Lavrov"]
        let dates = ["2023-09-13", "2023-09", "XXXX-09-13", "2024-06-19", "2024-06", nil]
        var generator = SeededGenerator(seed: 7)
        for i in 0..<60 {
            let a = people[Int(generator.next() % UInt64(people.count))]
            var b = people[Int(generator.next() % UInt64(people.count))]
            if a == b { b = "North Korea" }
            inputs.append(Self.input(
                "doc\(i % 9)", i % 4 == 0 ? "AGREE" : "CONSULT", [a, b], date: dates[Int(generator.next() % UInt64(dates.count))],
                start: i * 10))
        }
        let reference = EventMerger().merge(inputs)
        var shuffler = SeededGenerator(seed: seed)
        let shuffled = inputs.shuffled(using: &shuffler)
        #expect(EventMerger().merge(shuffled) == reference)
    }
}

/// A small reproducible generator (SplitMix64) for shuffles in tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct CorpusAnchorTests {
    @Test func undatedReportBorrowsTheYearAndSaysSo() {
        let merged = EventMerger().merge([
            EventMergerTests.input("undated", "CONSULT", ["Kim Jong Un", "Vladimir Putin"], date: "XXXX-09-13"),
            EventMergerTests.input("dated", "CONSULT", ["Kim Jong Un", "Vladimir Putin"], date: "2023-09-13"),
        ])
        #expect(merged.count == 1)
        #expect(merged.first?.date == "2023-09-13")
        #expect(merged.first?.dateNote?.contains("dated") == true)
    }
}
