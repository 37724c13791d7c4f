import Testing
import WartaCore

/// Event extraction on the team's own sentences, with entities from the knowledge base.
@Suite struct EventExtractorTests {
    func events(_ text: String, language: String = "id", published: String = "2024-03-12") -> [EventMention] {
        var document = Document(
            id: "t", hash: "", source: Document.Source(path: nil, url: nil, publisher: nil), language: language,
            title: nil, author: nil, published: published, dateline: nil, text: text)
        AnalysisStages().run(on: &document)
        return document.events
    }

    func names(_ event: EventMention?) -> [String] { event?.participants.map(\.name) ?? [] }

    @Test(arguments: [
        ("Presiden Joko Widodo menerima Perdana Menteri Jepang Fumio Kishida di Istana Bogor.", "host", ["Joko Widodo", "Fumio Kishida"]),
        ("Menteri Luar Negeri Rusia Sergey Lavrov bertemu dengan Menteri Luar Negeri Tiongkok Wang Yi di Beijing.", "meet", ["Sergey Lavrov", "Wang Yi"]),
        ("Kim Jong Un disambut oleh Vladimir Putin di Kosmodrom Vostochny.", "host", ["Vladimir Putin", "Kim Jong Un"]),
        ("Vladimir Putin berbicara melalui telepon dengan Xi Jinping.", "phone", ["Vladimir Putin", "Xi Jinping"]),
    ])
    func indonesianMeetings(sentence: String, mode: String, participants: [String]) {
        let found = events(sentence).filter { $0.type == "CONSULT" }
        #expect(found.count == 1)
        #expect(found.first?.mode == mode)
        #expect(names(found.first) == participants)
        #expect(found.first?.modality == "asserted")
    }

    @Test func placeIsTheCityAfterDi() {
        let found = events("Presiden Joko Widodo bertemu Perdana Menteri India Narendra Modi di New Delhi.")
        #expect(found.first?.location == "New Delhi")
    }

    @Test func theKnownCityAfterAnUnknownVenueIsThePlace() {
        let found = events("Presiden Joko Widodo bertemu Perdana Menteri India Narendra Modi di Gedung Serbaguna Kemayoran, Jakarta.")
        #expect(found.first { $0.type == "CONSULT" }?.location == "Jakarta")
        // A known place after "di" stays.
        let known = events("Vladimir Putin bertemu Kim Jong Un di Vladivostok, Rusia.")
        #expect(known.first { $0.type == "CONSULT" }?.location == "Vladivostok")
    }

    @Test func thePlaceVisitedIsThePlaceOfTheMeeting() {
        let same = events("Xi Jinping pernah mengunjungi Indonesia dan bertemu Joko Widodo pada April 2016.")
        #expect(same.first { $0.type == "CONSULT" }?.location == "Indonesia")
        let after = events("Prabowo Subianto berkunjung ke Malaysia pada September 2025. Saat itu, Prabowo Subianto bertemu dengan Anwar Ibrahim.")
        #expect(after.first { $0.type == "CONSULT" && $0.participants.map(\.name).contains("Anwar Ibrahim") }?.location == "Malaysia")
        // Without "saat itu" a later sentence does not borrow the place.
        let other = events("Prabowo Subianto berkunjung ke Malaysia pada September 2025. Prabowo Subianto bertemu dengan Anwar Ibrahim.")
        #expect(other.first { $0.type == "CONSULT" && $0.participants.map(\.name).contains("Anwar Ibrahim") }?.location == nil)
    }

    @Test func countriesInTitlesAreNotParticipants() {
        let found = events("Presiden Rusia Vladimir Putin bertemu Presiden Tiongkok Xi Jinping.")
        #expect(names(found.first) == ["Vladimir Putin", "Xi Jinping"])
    }

    @Test func countriesStandWhenNoPersonIsNamed() {
        let found = events("Delegasi militer Korea Utara mengunjungi Rusia untuk membahas kerja sama.")
        let consult = found.first { $0.type == "CONSULT" }
        #expect(Set(names(consult)) == ["North Korea", "Russia"])
        #expect(consult?.mode == "visit")
    }

    @Test(arguments: [
        ("Vladimir Putin akan bertemu Kim Jong Un bulan depan.", "planned"),
        ("Vladimir Putin dijadwalkan bertemu Kim Jong Un di Vladivostok.", "planned"),
        ("Kremlin membantah Vladimir Putin bertemu Kim Jong Un pekan lalu.", "denied"),
        ("Vladimir Putin menolak bertemu Volodymyr Zelenskyy.", "denied"),
        ("Jika Vladimir Putin bertemu Donald Trump, perang bisa berakhir.", "hypothetical"),
        ("Vladimir Putin will meet Kim Jong Un next month.", "planned"),
        ("Vladimir Putin bersiap bertemu Kim Jong Un di Vladivostok.", "planned"),
        ("Vladimir Putin berharap bertemu Kim Jong Un di Vladivostok.", "planned"),
        // Dated after the report (12 March 2024): not yet happened.
        ("Vladimir Putin bertemu Kim Jong Un di Vladivostok bulan depan.", "planned"),
        ("Vladimir Putin bertemu Kim Jong Un di Vladivostok bulan lalu.", "asserted"),
    ])
    func modality(sentence: String, modality: String) {
        let language = sentence.contains(" will ") ? "en" : "id"
        let consult = events(sentence, language: language).first { $0.type == "CONSULT" }
        #expect(consult?.modality == modality, "\(sentence)")
    }

    @Test func signingIsAgree() {
        let found = events("Vladimir Putin dan Kim Jong Un menandatangani perjanjian kemitraan strategis komprehensif.")
        let agree = found.first { $0.type == "AGREE" }
        #expect(agree?.mode == "sign")
        #expect(Set(names(agree)) == ["Vladimir Putin", "Kim Jong Un"])
    }

    @Test func agenciesReportAndDoNotTakePart() {
        let found = events("Menurut KCNA, Kim Jong Un menerima Sergei Shoigu di Pyongyang.")
        let consult = found.first { $0.type == "CONSULT" }
        #expect(names(consult) == ["Kim Jong Un", "Sergei Shoigu"])
        #expect(consult?.reportedBy == ["Korean Central News Agency"])
    }

    @Test(arguments: [
        // The press release's date is the report's; the meeting's is in the sentence before.
        ("Mereka bertemu pada 10 Juli 2025. Dari keterangan tertulis yang diterima redaksi, Minggu (13/7/2025), Vladimir Putin bertemu Xi Jinping di Moskow.", "2025-07-10"),
        ("Mereka bertemu pada 10 Juli 2025. Vladimir Putin bertemu Xi Jinping di Moskow, kata Kremlin, Minggu (13/7/2025).", "2025-07-10"),
        // A date after a comma that follows no reporting word is the meeting's.
        ("Mereka bertemu pada 10 Juli 2025. Vladimir Putin bertemu Xi Jinping di Moskow, Minggu (13/7/2025).", "2025-07-13"),
    ])
    func reportDatesDoNotDateTheEvent(text: String, date: String) {
        let consult = events(text, published: "2025-07-14").first { $0.type == "CONSULT" }
        #expect(consult?.date == date, "\(text)")
    }

    @Test func theMeetingReferredToKeepsItsModality() {
        let planned = events("Vladimir Putin akan bertemu Xi Jinping pekan depan. Topik yang dibahas dalam pertemuan tersebut adalah perdagangan.")
            .filter { $0.type == "CONSULT" }
        #expect(!planned.isEmpty)
        #expect(planned.allSatisfy { $0.modality == "planned" })
        let held = events("Vladimir Putin bertemu Xi Jinping di Moskow. Topik yang dibahas dalam pertemuan tersebut adalah perdagangan.")
            .filter { $0.type == "CONSULT" }
        #expect(held.count == 2)
        #expect(held.allSatisfy { $0.modality == "asserted" })
    }

    @Test func whatIsSignedIsAnAgreement() {
        // The agreement word belongs to the signing, not to another clause of the sentence.
        #expect(events("Joko Widodo dan Anwar Ibrahim menandatangani nota kesepahaman di Bogor.").contains { $0.type == "AGREE" })
        #expect(events("Perjanjian itu ditandatangani oleh Joko Widodo dan Anwar Ibrahim di Bogor.").contains { $0.type == "AGREE" })
        #expect(events("Perjanjian ekstradisi antara Malaysia dan Indonesia ditandatangani pada tahun 1992.").contains { $0.type == "AGREE" })
        #expect(!events("Joko Widodo dan Anwar Ibrahim meneken surat penolakan yang dikirim kepada perusahaan terkait rencana tambang itu.")
            .contains { $0.type == "AGREE" })
    }

    @Test func englishMeetings() {
        let found = events("Russian President Vladimir Putin hosted North Korean leader Kim Jong Un in Vladivostok.", language: "en")
        let consult = found.first { $0.type == "CONSULT" }
        #expect(consult?.mode == "host")
        #expect(names(consult) == ["Vladimir Putin", "Kim Jong Un"])
        #expect(consult?.location == "Vladivostok")
    }

    @Test func evidenceIsTheSentence() {
        let text = "Cuaca cerah hari itu. Vladimir Putin bertemu Xi Jinping di Moskow. Pertemuan berlangsung lama."
        let event = events(text).first
        let scalars = Array(text.unicodeScalars)
        let evidence = event.map { String(String.UnicodeScalarView(scalars[$0.evidence.start..<$0.evidence.end])) }
        #expect(evidence == "Vladimir Putin bertemu Xi Jinping di Moskow.")
    }

    @Test func oneActorIsNoMeeting() {
        #expect(events("Vladimir Putin bertemu para pengusaha di Moskow.").filter { $0.type == "CONSULT" }.isEmpty)
    }
}

@Suite struct ModalityPriorityTests {
    func consult(_ sentence: String, language: String = "id") -> EventMention? {
        var document = Document(
            id: "t", hash: "", source: Document.Source(path: nil, url: nil, publisher: nil), language: language,
            title: nil, author: nil, published: "2024-03-12", dateline: nil, text: sentence)
        AnalysisStages().run(on: &document)
        return document.events.first { $0.type == "CONSULT" }
    }

    @Test(arguments: [
        ("Kremlin membantah bahwa Vladimir Putin akan bertemu Kim Jong Un.", "denied"),
        ("Vladimir Putin tidak hanya bertemu Kim Jong Un tetapi juga menteri lainnya.", "asserted"),
        ("Vladimir Putin tidak pernah bertemu Kim Jong Un secara pribadi.", "denied"),
        ("Meskipun Rusia membantah tuduhan itu, Vladimir Putin bertemu Kim Jong Un di Pyongyang.", "asserted"),
        ("Vladimir Putin did not meet Kim Jong Un during the trip.", "denied"),
    ])
    func strongestCueWins(sentence: String, modality: String) {
        let language = sentence.contains(" did ") ? "en" : "id"
        #expect(consult(sentence, language: language)?.modality == modality, "\(sentence)")
    }
}

@Suite struct FalseMeetingTests {
    func consults(_ sentence: String) -> [EventMention] {
        var document = Document(
            id: "t", hash: "", source: Document.Source(path: nil, url: nil, publisher: nil), language: "id",
            title: nil, author: nil, published: "2024-03-12", dateline: nil, text: sentence)
        AnalysisStages().run(on: &document)
        return document.events.filter { $0.type == "CONSULT" }
    }

    @Test(arguments: [
        "Joko Widodo menerima laporan dari Budi Gunadi Sadikin soal vaksin.",
        "Prabowo Subianto menerima uang sebesar Rp 2 miliar dari Budi Santoso, kata jaksa.",
        "Egy Maulana menerima umpan dari Witan Sulaeman lalu mencetak gol di laga itu.",
        "Persib Bandung akan menjamu Persija Jakarta di Stadion Gelora Bandung Lautan Api.",
        // A reporter's interview, a thing received, a draw at home.
        "Budi Santoso mengatakan Joko Widodo sudah setuju saat ditemui di kantor Tempo pada Selasa.",
        "Usulan Joko Widodo itu dapat diterima oleh Budi Gunadi Sadikin.",
        "Egy Maulana dianggap biang keladi hasil imbang yang ditorehkan Persib Bandung saat menjamu Witan Sulaeman.",
        // Received by no one, visits to things.
        "Joko Widodo berdoa semoga Budi Gunadi Sadikin diterima di sisi-Nya.",
        "Usulan Joko Widodo kepada Budi Gunadi Sadikin diterima dengan tangan terbuka.",
        "Kedatangan Joko Widodo bersama Budi Gunadi Sadikin disambut tarian Betawi.",
        "Joko Widodo dan Budi Gunadi Sadikin mengunjungi pameran mobil listrik.",
        "Usaha Joko Widodo dan Budi Gunadi Sadikin kini menemui jalan terjal.",
        // Money and things received.
        "Jaksa mendakwa Budi Gunadi Sadikin menerima Rp 91,4 juta dari Joko Widodo.",
        "Uang itu diterima Budi Gunadi Sadikin melalui rekening Joko Widodo.",
        "Paket sembako dari Joko Widodo diterima oleh Budi Gunadi Sadikin.",
    ])
    func theseAreNotMeetings(sentence: String) {
        #expect(consults(sentence).isEmpty, "\(sentence)")
    }

    @Test func aHostAfterDiterimaOrDisambutIsAMeeting() {
        #expect(consults("Anwar Ibrahim diterima langsung oleh Presiden Joko Widodo di Istana Merdeka.").count == 1)
        #expect(consults("Retno Marsudi disambut dengan hangat oleh Perdana Menteri Jepang Fumio Kishida.").count == 1)
        #expect(consults("Joko Widodo mengunjungi Malaysia dan bertemu Anwar Ibrahim.").count >= 1)
    }

    @Test func aVisitorAfterMenerimaIsAMeeting() {
        #expect(consults("Joko Widodo menerima Perdana Menteri Malaysia Anwar Ibrahim di Istana Bogor.").count == 1)
        #expect(consults("Joko Widodo menerima kunjungan Anwar Ibrahim di Istana Bogor.").count == 1)
    }
}
