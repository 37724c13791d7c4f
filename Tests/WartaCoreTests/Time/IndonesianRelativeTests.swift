import Testing
import WartaCore

/// Indonesian relative expressions, number words, clock times and parts of day.
/// Publication date 2023-10-20 (Friday), ISO week 42, unless a case says otherwise.
@Suite("Indonesian relative expressions")
struct IndonesianRelativeTests {
    static let cases: [TimeCase] = [
        TimeCase("Hujan deras turun kemarin.", [ExpectedTime("kemarin", "2023-10-19")]),
        TimeCase("Pengumuman disampaikan hari ini.", [ExpectedTime("hari ini", "2023-10-20")]),
        TimeCase("Pemeriksaan dilanjutkan besok.", [ExpectedTime("besok", "2023-10-21")]),
        TimeCase("Mereka kembali lusa.", [ExpectedTime("lusa", "2023-10-22")]),
        TimeCase("Kontrak diteken pekan lalu.", [ExpectedTime("pekan lalu", "2023-W41")]),
        TimeCase("Uji coba dilakukan pekan depan.", [ExpectedTime("pekan depan", "2023-W43")]),
        TimeCase("Harga turun minggu lalu.", [ExpectedTime("minggu lalu", "2023-W41")]),
        TimeCase("Inflasi naik bulan lalu.", [ExpectedTime("bulan lalu", "2023-09")]),
        TimeCase("Gedung selesai tiga bulan lalu.", [ExpectedTime("tiga bulan lalu", "2023-07")]),
        TimeCase("Ia pensiun dua tahun yang lalu.", [ExpectedTime("dua tahun yang lalu", "2021")]),
        TimeCase("Kurs melemah tahun lalu dan menguat tahun ini.",
                 [ExpectedTime("tahun lalu", "2022"), ExpectedTime("tahun ini", "2023")]),
        TimeCase("Pemilu digelar tahun depan.", [ExpectedTime("tahun depan", "2024")]),
        TimeCase("Gaji dibayar awal bulan.", [ExpectedTime("awal bulan", "2023-10")]),
        TimeCase("Stok habis akhir bulan lalu.", [ExpectedTime("akhir bulan lalu", "2023-09")]),
        TimeCase("Ia ditahan Senin lalu.", [ExpectedTime("Senin lalu", "2023-10-16")]),
        TimeCase("Bandara ditutup sepuluh hari lalu.", [ExpectedTime("sepuluh hari lalu", "2023-10-10")]),
        TimeCase("Sekolah dibuka sebelas hari lalu.", [ExpectedTime("sebelas hari lalu", "2023-10-09")]),
        TimeCase("Kantor itu berdiri dua belas tahun lalu.", [ExpectedTime("dua belas tahun lalu", "2011")]),
        TimeCase("Jembatan runtuh dua puluh tahun lalu.", [ExpectedTime("dua puluh tahun lalu", "2003")]),
        TimeCase("Bendungan rampung lima bulan lagi.", [ExpectedTime("lima bulan lagi", "2024-03")]),
        TimeCase("Ia tiba 3 hari lalu.", [ExpectedTime("3 hari lalu", "2023-10-17")]),
        TimeCase("Kebakaran terjadi pukul 14.20 WIB di pasar.", published: "2023-10-20T18:00:00+07:00",
                 [ExpectedTime("pukul 14.20 WIB", "2023-10-20T14:20+07:00")]),
        TimeCase("Upacara dimulai pukul 10.00 waktu setempat, Rabu (18/10/2023).",
                 [ExpectedTime("pukul 10.00 waktu setempat, Rabu (18/10/2023)", "2023-10-18T10:00")]),
        TimeCase("Ledakan terdengar kemarin pukul 22.10 WIB.", [ExpectedTime("kemarin pukul 22.10 WIB", "2023-10-19T22:10+07:00")]),
        TimeCase("Rombongan tiba Kamis malam.", [ExpectedTime("Kamis malam", "2023-10-19")]),
        TimeCase("Pertemuan dibuka Senin (16/10/2023), jam 8 malam.",
                 [ExpectedTime("Senin (16/10/2023), jam 8 malam", "2023-10-16T20:00")]),
        TimeCase("Pesawat mendarat pada 4 Mei 2023. Sehari kemudian pesawat itu terbang lagi.",
                 [ExpectedTime("4 Mei 2023", "2023-05-04"), ExpectedTime("Sehari kemudian", "2023-05-05", anchor: "context")]),
        TimeCase("Perjanjian diteken 10 Januari 2022. Dua minggu kemudian pasukan ditarik.",
                 [ExpectedTime("10 Januari 2022", "2022-01-10"), ExpectedTime("Dua minggu kemudian", "2022-01-24")]),
        TimeCase("Banjir melanda pada Senin (2/10/2023). Pada hari itu sekolah diliburkan.",
                 [ExpectedTime("Senin (2/10/2023)", "2023-10-02"), ExpectedTime("hari itu", "2023-10-02", anchor: "context")]),
        TimeCase("Hasilnya diumumkan tanggal 15 kemarin.", [ExpectedTime("tanggal 15 kemarin", "2023-10-15")]),
    ]

    @Test("resolves relative expressions against the publication date or the text", arguments: cases)
    func relative(_ c: TimeCase) {
        #expect(c.found() == c.wanted)
    }

    @Test("anchors of relative expressions", arguments: cases.filter { $0.expected.contains { $0.anchor != nil } })
    func anchors(_ c: TimeCase) {
        let mentions = TimeExtractor().extract(text: c.sentence, published: c.published, language: c.language)
        for e in c.expected {
            guard let anchor = e.anchor else { continue }
            #expect(mentions.first { $0.text == e.text }?.anchor == anchor)
        }
    }

    /// Vague expressions and durations name no point of the calendar.
    static let nothing: [String] = [
        "Beberapa hari lalu warga mengeluh.",
        "Hal itu terjadi baru-baru ini.",
        "Selama tiga bulan ia bekerja di sana.",
        "Peringatan 70 tahun kemerdekaan dirayakan meriah.",
        "Dalam beberapa waktu terakhir harga naik.",
        "Ia sudah bekerja 12 tahun di perusahaan itu.",
        "Sebanyak 2000 orang mengungsi ke gedung olahraga.",
        "Kendaraan bernomor polisi B 2019 KZA ditilang.",
        "Pria berusia 40 tahun ini ditangkap.",
        "Puluhan tahun lalu desa ini sepi.",
        "Rapat berlangsung 24 jam tanpa henti.",
        "Skor akhir 21:19 untuk tim tamu.",
        "Kendaraan melaju dengan kecepatan 18.44 kilometer per jam.",
        "Ia tinggal di Jalan Pasar Minggu nomor 3.",
        "Sekarang dan saat ini harga masih tinggi.",
        "Toko buka Senin-Jumat setiap pekan.",
        "Jumlahnya naik dibanding hari-hari sebelumnya.",
    ]

    @Test("vague expressions, durations and counts give no date", arguments: nothing)
    func noDate(_ sentence: String) {
        let mentions = TimeExtractor().extract(text: sentence, published: "2023-10-20", language: "id")
        #expect(mentions.isEmpty, "\(mentions.map { "\($0.text)=\($0.value)" })")
    }
}
