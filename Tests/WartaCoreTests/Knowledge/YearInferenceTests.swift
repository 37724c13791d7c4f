import Testing
import WartaCore

@Suite struct YearInferenceTests {
    func analyse(_ text: String) -> Document {
        var document = Document(
            id: "t", hash: "", source: Document.Source(path: nil, url: nil, publisher: nil), language: "id", title: nil,
            author: nil, published: nil, dateline: nil, text: text)
        AnalysisStages().run(on: &document)
        return document
    }

    @Test func knownSummitGivesTheYear() {
        let document = analyse("Pada 19 Juni, Presiden Rusia Vladimir Putin bertemu Kim Jong Un di Pyongyang.")
        let time = document.times.first { $0.text.contains("19 Juni") }
        #expect(time?.value == "2024-06-19")
        #expect(time?.anchor == "knowledge")
        #expect(time?.note?.contains("2024-06-19") == true)
    }

    @Test func termOfOfficeRulesOutEarlierSummits() {
        // Shoigu became Secretary of the Security Council in May 2024: the September meeting cannot be 2023's summit.
        let document = analyse(
            "Pada tanggal 13 September, Sekretaris Dewan Keamanan Rusia Sergei Shoigu bertemu Kim Jong Un. Presiden Vladimir Putin mengunjungi Pyongyang pada bulan Juni.")
        #expect(document.times.first?.value == "2024-09-13")
    }

    @Test func nothingKnownKeepsTheYearUnknown() {
        let document = analyse("Pada 3 Maret, Budi bertemu Ani di pasar.")
        #expect(document.times.first?.value == "XXXX-03-03")
    }
}
