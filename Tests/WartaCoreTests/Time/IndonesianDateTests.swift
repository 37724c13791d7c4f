import Testing
import WartaCore

/// Indonesian dates, weekdays, years and ranges, each sentence written for these tests.
/// Publication date 2023-10-20 (a Friday) unless a case says otherwise.
@Suite("Indonesian dates")
struct IndonesianDateTests {
    static let cases: [TimeCase] = [
        TimeCase("Gempa terjadi pada 5 Agustus 2021 di Lombok.", [ExpectedTime("5 Agustus 2021", "2021-08-05")]),
        TimeCase("Sidang ditunda hingga 2/3/2022 oleh hakim.", [ExpectedTime("2/3/2022", "2022-03-02")]),
        TimeCase("Data per 2022-11-30 menunjukkan kenaikan.", [ExpectedTime("2022-11-30", "2022-11-30")]),
        TimeCase("Proyek dimulai Maret 2020 dan molor.", [ExpectedTime("Maret 2020", "2020-03")]),
        TimeCase("Ia dilantik pada 12 Oktober lalu.", [ExpectedTime("12 Oktober lalu", "2023-10-12", anchor: "published")]),
        TimeCase("Festival digelar pada bulan Agustus.", [ExpectedTime("bulan Agustus", "2023-08")]),
        TimeCase("Kebijakan itu berlaku sejak tahun 2019.", [ExpectedTime("tahun 2019", "2019")]),
        TimeCase("Pabrik itu dibangun pada 1998 oleh investor Jepang.", [ExpectedTime("1998", "1998")]),
        TimeCase("Di 2025 target produksi naik.", [ExpectedTime("2025", "2025")]),
        TimeCase("Rapat kabinet digelar Selasa (17/10/2023) di Istana.",
                 [ExpectedTime("Selasa (17/10/2023)", "2023-10-17", anchor: "explicit")]),
        TimeCase("Menteri tiba pada Kamis, (12/10/2023) sore.", [ExpectedTime("Kamis, (12/10/2023) sore", "2023-10-12")]),
        TimeCase("Warga berkumpul Sabtu (14/10) di alun-alun.", [ExpectedTime("Sabtu (14/10)", "2023-10-14", anchor: "published")]),
        TimeCase("Putusan dibacakan Senin, 9 Oktober 2023.", [ExpectedTime("Senin, 9 Oktober 2023", "2023-10-09")]),
        TimeCase("Ia menyampaikannya pada hari Selasa.", [ExpectedTime("hari Selasa", "2023-10-17", anchor: "published")]),
        TimeCase("Polisi menangkapnya Rabu.", [ExpectedTime("Rabu", "2023-10-18")]),
        TimeCase("Kami bertemu Jumat.", [ExpectedTime("Jumat", "2023-10-20")]),
        TimeCase("Ia berangkat Minggu lalu ke Medan.", [ExpectedTime("Minggu lalu", "2023-10-15")]),
        TimeCase("Minggu lalu harga cabai naik.", [ExpectedTime("Minggu lalu", "2023-W41")]),
        TimeCase("Ia akan datang Senin depan.", [ExpectedTime("Senin depan", "2023-10-23")]),
        TimeCase("Pameran berlangsung 25-27 Juli 2023 di Surabaya.",
                 [ExpectedTime("25-27 Juli 2023", "2023-07-25/2023-07-27")]),
        TimeCase("Masa jabatan 2019-2024 segera berakhir.", [ExpectedTime("2019-2024", "2019/2024")]),
        TimeCase("Anggaran tahun 2024-2025 disahkan.", [ExpectedTime("tahun 2024-2025", "2024/2025")]),
        TimeCase("Tarif baru berlaku sejak pertengahan Juli.", [ExpectedTime("pertengahan Juli", "2023-07")]),
        TimeCase("Pasar ramai pada malam 13 Oktober.", [ExpectedTime("malam 13 Oktober", "2023-10-13")]),
        TimeCase("Jalan tol dibuka pada tanggal 3 September 2023 pukul 08.15 WIB.",
                 [ExpectedTime("tanggal 3 September 2023 pukul 08.15 WIB", "2023-09-03T08:15+07:00")]),
        TimeCase("Ia ditemukan Senin (16/10/2023) pukul 21.05 WITA.",
                 [ExpectedTime("Senin (16/10/2023) pukul 21.05 WITA", "2023-10-16T21:05+08:00")]),
        TimeCase("Kapal sandar di Jayapura pada 2 Oktober 2023 pukul 07.30 WIT.",
                 [ExpectedTime("2 Oktober 2023 pukul 07.30 WIT", "2023-10-02T07:30+09:00")]),
        TimeCase("Pertandingan dimulai pukul 19.00 WIB, Minggu (15/10/2023).",
                 [ExpectedTime("pukul 19.00 WIB, Minggu (15/10/2023)", "2023-10-15T19:00+07:00")]),
        TimeCase("Kuartal III 2023 menunjukkan pertumbuhan.", [ExpectedTime("Kuartal III 2023", "2023-Q3")]),
        TimeCase("Pada era 1990-an industri tekstil berjaya.", [ExpectedTime("1990-an", "199")]),
        TimeCase("Warga berkumpul pada 29/9 di balai desa.", [ExpectedTime("29/9", "2023-09-29")]),
        TimeCase("Dirgahayu yang dirayakan setiap 17 Agustus selalu meriah.", []),
    ]

    @Test("finds the dates of a sentence with their values", arguments: cases)
    func dates(_ c: TimeCase) {
        #expect(c.found() == c.wanted)
    }

    @Test("anchors say where missing parts came from", arguments: cases.filter { $0.expected.contains { $0.anchor != nil } })
    func anchors(_ c: TimeCase) {
        let mentions = TimeExtractor().extract(text: c.sentence, published: c.published, language: c.language)
        for e in c.expected {
            guard let anchor = e.anchor else { continue }
            #expect(mentions.first { $0.text == e.text }?.anchor == anchor)
        }
    }
}
