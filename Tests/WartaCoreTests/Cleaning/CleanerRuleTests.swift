import Foundation
import Testing
import WartaCore

/// One test per cleaning rule, on short scraped pages written by the team.
@Suite struct CleanerRuleTests {
    let body1 =
        "JAKARTA - Menteri Luar Negeri kedua negara bertemu di Jakarta pada Selasa pagi untuk membahas kerja sama perdagangan dan keamanan kawasan."
    let body2 =
        "Pertemuan itu berlangsung selama dua jam dan diakhiri dengan penandatanganan nota kesepahaman tentang pendidikan, kata juru bicara kementerian."

    func clean(_ lines: [String], title: String? = nil) -> Cleaner.Result {
        Cleaner().clean(lines.joined(separator: "\n"), knownTitle: title)
    }

    func text(_ result: Cleaner.Result) -> String {
        result.paragraphs.map(\.text).joined(separator: "\n")
    }

    func reason(of line: String, in result: Cleaner.Result) -> String? {
        result.removed.first(where: { $0.text == line })?.reason
    }

    @Test(arguments: [
        ("Advertisement", "ad"),
        ("ADVERTISEMENT", "ad"),
        ("[x]", "ad"),
        ("Scroll untuk melanjutkan membaca", "ad"),
        ("Baca juga: Harga Beras Naik Lagi di Pasar Induk", "read-also"),
        ("BACA JUGA: Harga Beras Naik Lagi di Pasar Induk", "read-also"),
        ("Read also: Markets rally after rate decision", "read-also"),
        ("Bagikan artikel ini", "share"),
        ("Follow Berita Contoh di Google News", "share"),
        ("Share this article", "share"),
        ("12 Komentar", "comments"),
        ("A A A", "font-size"),
        ("Halaman: 1 2 3", "pagination"),
        ("1 2 3 Selanjutnya", "pagination"),
    ])
    func boilerplateLineIsRemovedWithItsReason(line: String, expected: String) {
        let result = clean(["Judul Berita Contoh Tentang Pertemuan Menteri", line, body1, line, body2])
        #expect(!WordRun.contains(text(result), line), "\(line) stayed in text")
        #expect(reason(of: line, in: result) == expected)
        #expect(WordRun.contains(text(result), body2))
    }

    @Test func navigationWordsAroundTheArticleGo() {
        let result = clean(["Beranda", "Internasional", "Asia", "Judul Berita Contoh Tentang Pertemuan Menteri", body1, body2, "Terpopuler", "Indeks"])
        let kept = text(result)
        for word in ["Beranda", "Terpopuler", "Indeks"] {
            #expect(!WordRun.contains(kept, word), "\(word)")
        }
        #expect(kept.hasPrefix("JAKARTA - Menteri Luar Negeri"))
    }

    @Test func shortTitleAboveAnAuthorLineStaysTheTitle() {
        let result = clean(["Beranda", "Putin Tiba di Pyongyang", "Sari Wulandari", "Selasa, 12 Maret 2024 - 09:15 WIB", body1, body2])
        #expect(result.title == "Putin Tiba di Pyongyang")
        #expect(result.author == "Sari Wulandari")
    }

    @Test func bylineGoesToMetadataWithZone() {
        let result = clean([
            "Kedua Menteri Sepakat Perluas Kerja Sama",
            "Sari Wulandari",
            "Selasa, 12 Maret 2024 - 09:15 WIB",
            body1, body2,
        ])
        #expect(result.title == "Kedua Menteri Sepakat Perluas Kerja Sama")
        #expect(result.author == "Sari Wulandari")
        #expect(result.published == "2024-03-12T09:15:00+07:00")
        #expect(!WordRun.contains(text(result), "Sari Wulandari"))
        #expect(reason(of: "Selasa, 12 Maret 2024 - 09:15 WIB", in: result) == "byline")
    }

    @Test(arguments: [
        ("Rabu, 5 Juni 2024 | 14.30 WITA", "2024-06-05T14:30:00+08:00"),
        ("Kamis, 6 Juni 2024 10:05 WIT", "2024-06-06T10:05:00+09:00"),
        ("05/06/2024, 07:45 WIB", "2024-06-05T07:45:00+07:00"),
        ("June 5, 2024 3:20 PM GMT", "2024-06-05T15:20:00+00:00"),
    ])
    func publicationDateForms(line: String, iso: String) {
        #expect(PublicationDate.parse(line) == iso)
    }

    @Test func olehBylineIsAnAuthor() {
        let result = clean(["Kedua Menteri Sepakat Perluas Kerja Sama", "Oleh: Bagus Pratama", body1, body2])
        #expect(result.author == "Bagus Pratama")
        #expect(!WordRun.contains(text(result), "Bagus Pratama"))
    }

    @Test func sourceLineGivesTheURL() {
        let result = clean(["Kedua Menteri Sepakat Perluas Kerja Sama", body1, body2, "Sumber: https://contoh-berita.example/2024/03/12/menteri"])
        #expect(result.url == "https://contoh-berita.example/2024/03/12/menteri")
        #expect(!text(result).contains("contoh-berita"))
        #expect(reason(of: "Sumber: https://contoh-berita.example/2024/03/12/menteri", in: result) == "source")
    }

    @Test func captionPrintedTwiceIsKeptOnceWithItsCredit() {
        let caption = "Menteri Luar Negeri kedua negara berjabat tangan di Jakarta, 12 Maret 2024. (Foto: Dok. Kementerian Luar Negeri)"
        let result = clean(["Kedua Menteri Sepakat Perluas Kerja Sama", caption, caption, body1, body2])
        let captions = result.paragraphs.filter(\.isCaption)
        #expect(captions.count == 1)
        #expect(captions.first?.caption == .some("Dok. Kementerian Luar Negeri"))
        #expect(text(result).components(separatedBy: "berjabat tangan").count == 2)
        #expect(result.removed.contains(where: { $0.reason == "repeated" }))
    }

    @Test(arguments: [
        ("Presiden menyambut tamunya di istana, 3 Mei 2024. (Handout / KANTOR PRESIDEN / AFP)", "Handout / KANTOR PRESIDEN / AFP"),
        ("Presiden menyambut tamunya di istana, 3 Mei 2024. Foto: Antara/Rina Putri", "Antara/Rina Putri"),
        ("Presiden menyambut tamunya di istana, 3 Mei 2024. (Sumber: Reuters)", "Reuters"),
    ])
    func captionCredits(line: String, credit: String) {
        let result = clean(["Judul Berita Contoh Tentang Sidang Kabinet", line, body1, body2])
        let caption = result.paragraphs.first(where: \.isCaption)
        #expect(caption?.caption == .some(credit))
        #expect(caption.map { WordRun.contains($0.text, "Presiden menyambut tamunya") } == true)
    }

    @Test(arguments: [
        ("JAKARTA - Presiden membuka sidang kabinet pada Senin pagi dengan membahas harga pangan yang terus naik.", "Jakarta"),
        ("MOSKOW, KOMPAS.com - Presiden membuka sidang kabinet pada Senin pagi dengan membahas harga pangan.", "Moskow"),
        ("Pyongyang: Pemimpin negara itu meninjau pabrik baru pada Senin pagi bersama para pejabat partai.", "Pyongyang"),
        ("SEOUL (Reuters) -- The president opened the cabinet meeting on Monday morning with a talk on food prices.", "Seoul"),
    ])
    func datelineIsDetected(line: String, place: String) {
        let result = clean(["Judul Berita Contoh Tentang Sidang Kabinet", line, body2])
        #expect(result.dateline == place)
        #expect(WordRun.contains(text(result), line), "the dateline stays in the text")
    }

    @Test func authorCreditLineGoesToMetadata() {
        let result = clean(["Kedua Menteri Sepakat Perluas Kerja Sama", body1, body2, "(WIL)"])
        #expect(!text(result).contains("(WIL)"))
    }

    @Test func everyRemovedLineHasAReasonAndItsLineNumber() {
        let lines = ["Beranda", "Kedua Menteri Sepakat Perluas Kerja Sama", "Advertisement", body1, "Baca juga: Lain Kali", body2, "Bagikan artikel ini"]
        let result = clean(lines)
        #expect(result.removed.count >= 4)
        for removed in result.removed {
            #expect(!removed.reason.isEmpty)
            #expect(lines[removed.line - 1] == removed.text)
        }
    }

    @Test func articleProseIsNeverRemoved() {
        // A body sentence that merely starts like boilerplate words stays.
        let sentence =
            "Bagikan pengalaman Anda, kata menteri kepada para mahasiswa yang hadir di aula universitas itu pada Selasa siang setelah kuliah umum."
        let result = clean(["Kedua Menteri Sepakat Perluas Kerja Sama", body1, sentence, body2])
        #expect(WordRun.contains(text(result), sentence))
    }

    @Test func titleRepeatedInBodyIsRemovedOnce() {
        let title = "Kedua Menteri Sepakat Perluas Kerja Sama"
        let result = clean([title, body1, title, body2], title: title)
        #expect(!WordRun.contains(text(result), title))
        #expect(WordRun.contains(text(result), body2))
    }

    @Test func userLexiconExtendsTheStandardOne() throws {
        let extra = try BoilerplateLexicon(tsv: "ad\texact\tPesan sekarang juga\n", name: "mine.tsv")
        let cleaner = Cleaner(lexicon: .standard.merging(extra))
        let result = cleaner.clean(["Judul Berita Contoh Tentang Sidang Kabinet", body1, "Pesan sekarang juga!", body2].joined(separator: "\n"))
        #expect(!result.paragraphs.contains(where: { $0.text.hasPrefix("Pesan") }))
        #expect(result.removed.contains(where: { $0.reason == "ad" }))
    }

    @Test func badLexiconLineIsReportedWithItsNumber() {
        #expect(throws: LexiconError.self) {
            try BoilerplateLexicon(tsv: "ad\texact\tok\nnonsense line\n", name: "bad.tsv")
        }
    }
}

@Suite struct PublicationDateRobustnessTests {
    @Test(arguments: ["t", "T", "tt", "t-", "2023-09-17t", "2023-09-17t25:99", "-", "--", "2023--", "Selasa, t 2024"])
    func oddTokensGiveNoDateAndNoCrash(text: String) {
        _ = PublicationDate.parse(text)
    }
}
