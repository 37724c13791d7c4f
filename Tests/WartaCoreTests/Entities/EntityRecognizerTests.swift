import Testing
import WartaCore

@Suite struct EntityRecognizerTests {
    let recognizer = EntityRecognizer()

    func person(_ entities: [Entity], _ name: String) -> Entity? { entities.first { $0.type == "PER" && $0.name == name } }

    @Test func aLanguagesOwnTaggerReplacesTheDefaultOne() throws {
        // The default tagger calls a capitalised unknown word a place, the Indonesian one a person.
        func labeller(_ type: String) -> @Sendable ([String]) -> [String] {
            { tokens in tokens.map { $0 == "Zubrowka" ? "B-" + type : "O" } }
        }
        let recognizer = EntityRecognizer(tagger: labeller("LOC"), taggersByLanguage: ["id": labeller("PER")])
        let text = "Mereka bertemu Zubrowka kemarin."
        #expect(recognizer.recognize(text: text, date: nil, language: "id").first { $0.name == "Zubrowka" }?.type == "PER")
        #expect(recognizer.recognize(text: text, date: nil, language: "en").first { $0.name == "Zubrowka" }?.type == "LOC")
        // The standard stages tag Indonesian with the news features, and only Indonesian.
        #expect(Set(AnalysisStages.standardTaggersByLanguage.keys) == ["id"])
    }

    @Test(arguments: [
        // A ministry's remit listed with commas and closed by "dan" is one name, whatever the tagger split off.
        ("Ia bertemu Departemen Pertanian, Perikanan dan Kehutanan kemarin.", ["Departemen Pertanian, Perikanan dan Kehutanan"]),
        ("Ia bertemu Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan kemarin.",
         ["Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan"]),
        ("They met the Department of Agriculture, Fisheries and Forestry today.", ["Department of Agriculture, Fisheries and Forestry"]),
        // A list of ministries is several names; a list not closed by "dan" is not a remit.
        ("Ia bertemu Kementerian Pertahanan, Kementerian Luar Negeri dan Kementerian Keuangan kemarin.",
         ["Kementerian Pertahanan", "Kementerian Luar Negeri", "Kementerian Keuangan"]),
        ("Ia bertemu Departemen Pertanian, Jakarta kemarin.", ["Departemen Pertanian"]),
    ])
    func aMinistrysListedRemitIsOneName(text: String, names: [String]) {
        // A tagger that calls each capitalised run after an institution word ORG and the last word of a list a person,
        // as Warta's tagger did with "Kehutanan".
        let heads: Set<String> = ["Departemen", "Kementerian", "Department"]
        let tagger: @Sendable ([String]) -> [String] = { tokens in
            var labels = Array(repeating: "O", count: tokens.count)
            var inside = false
            for (i, token) in tokens.enumerated() {
                let capitalised = token.first?.isUppercase == true
                if heads.contains(token) {
                    labels[i] = "B-ORG"
                    inside = true
                } else if inside, capitalised || ["of", "Bidang"].contains(token) {
                    labels[i] = "I-ORG"
                } else {
                    inside = false
                    if capitalised, i > 0, tokens[i - 1] == "dan" || tokens[i - 1] == "and" { labels[i] = "B-PER" }
                }
            }
            return labels
        }
        let recognizer = EntityRecognizer(knowledge: KnowledgeBase(), tagger: tagger)
        let entities = recognizer.recognize(text: text, date: nil, language: "id")
        #expect(entities.filter { $0.type == "ORG" }.map(\.name) == names, "\(text)")
        #expect(entities.filter { $0.type == "PER" }.isEmpty, "\(text)")
    }

    @Test func monthsWeekdaysAndPossessivesAreNotTakenForActors() {
        // A tagger that calls every capitalised word a person, as an English-blind one might.
        let tagger: @Sendable ([String]) -> [String] = { tokens in
            tokens.map { $0.first?.isUppercase == true ? "B-PER" : "O" }
        }
        let recognizer = EntityRecognizer(tagger: tagger)
        let text = "They met on Wednesday, July 26, with North Korea's minister. Pada Rabu mereka bertemu lagi."
        let entities = recognizer.recognize(text: text, date: "2023-07-26", language: "en")
        let names = Set(entities.map(\.name))
        for word in ["Wednesday", "July", "Rabu", "North"] { #expect(!names.contains(word), "\(word)") }
        #expect(entities.first { $0.name == "North Korea" }?.type == "LOC")
        // The same tagger still names a person.
        #expect(names.contains("They"))
    }

    @Test func ranksInsideANameAreTitlesAndGodAndLegalFormsAreNoActors() {
        // A tagger that calls every run of capitalised words one person.
        let tagger: @Sendable ([String]) -> [String] = { tokens in
            var labels = [String]()
            for (i, token) in tokens.enumerated() {
                let capitalised = token.first?.isUppercase == true
                let continues = i > 0 && labels[i - 1] != "O"
                // "Bapak" before a name is left out of it, as Warta's tagger does.
                let beforeName = token == "Bapak" && i + 1 < tokens.count && tokens[i + 1].first?.isUppercase == true
                labels.append(capitalised && !beforeName ? (continues ? "I-PER" : "B-PER") : "O")
            }
            return labels
        }
        let recognizer = EntityRecognizer(tagger: tagger)
        let text = "kemarin Irjen Firli Bahuri dan direksi Bambang Irianto dari (Persero) berdoa kepada Allah SWT. kata Bapak Bambang, Bapak selalu berdoa."
        let entities = recognizer.recognize(text: text, date: "2019-09-12", language: "id")
        let firli = entities.first { $0.name == "Firli Bahuri" }
        #expect(firli?.type == "PER")
        #expect(firli?.titles == ["Irjen"])
        #expect(firli?.country == "Indonesia")
        #expect(entities.first { $0.name == "Bambang Irianto" } != nil)
        let names = Set(entities.map(\.name))
        for name in ["Irjen Firli Bahuri", "Persero", "Allah SWT", "Bapak"] { #expect(!names.contains(name), "\(name)") }
        // "Bapak" alone is no mention of the Bambang before it.
        let bambang = entities.first { $0.name == "Bambang Irianto" }
        #expect(bambang?.mentions.map(\.text).contains("Bapak") == false)
    }

    @Test func peopleAfterAFacilityWordNameThePlace() {
        // A tagger that finds "Bandara Internasional" a place and every other capitalised run a person.
        let tagger: @Sendable ([String]) -> [String] = { tokens in
            var labels = [String]()
            for (i, token) in tokens.enumerated() {
                if token == "Bandara" { labels.append("B-LOC"); continue }
                if token == "Internasional" || token == "Kualanamu" { labels.append("I-LOC"); continue }
                let capitalised = token.first?.isUppercase == true && !["Jalan", "Universitas", "Rumah"].contains(token)
                let continues = i > 0 && labels[i - 1].hasSuffix("PER")
                labels.append(capitalised ? (continues ? "I-PER" : "B-PER") : "O")
            }
            return labels
        }
        let recognizer = EntityRecognizer(knowledge: KnowledgeBase(), tagger: tagger)
        let text = """
            Kemarin rombongan Iriana tiba di Bandara Internasional Sultan Mahmud Badaruddin II lalu ke Jalan Jenderal Sudirman \
            dan Universitas Gadjah Mada. Rumah Anies Baswedan ramai. Kata dokter Bandara Internasional Kualanamu Adi Putra.
            """
        let entities = recognizer.recognize(text: text, date: nil, language: "id")
        let typed = Dictionary(entities.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        #expect(typed["Bandara Internasional Sultan Mahmud Badaruddin II"] == "LOC")
        #expect(typed["Jalan Jenderal Sudirman"] == "LOC")
        #expect(typed["Universitas Gadjah Mada"] == "ORG")
        #expect(typed["Iriana"] == "PER")
        #expect(typed["Anies Baswedan"] == "PER")
        // A place already named is where the person after it works.
        #expect(typed["Bandara Internasional Kualanamu"] == "LOC")
        #expect(typed["Adi Putra"] == "PER")
        #expect(!entities.contains { $0.type == "PER" && ["Sultan Mahmud Badaruddin II", "Sudirman", "Gadjah Mada"].contains($0.name) })
    }

    @Test func indonesianInstitutionsAreKnownAndIndonesianAbbreviationsAreNotForeignOnes() {
        let text = """
            Sekretaris Jenderal DPP Partai Golkar dan Kapolsek AKP Budi Santoso hadir di balai RT 05. \
            Komisi Pemberantasan Korupsi (KPK) memeriksa pejabat Kemenkeu dan Kementerian Keuangan.
            """
        let entities = recognizer.recognize(text: text, date: "2019-09-11", language: "id")
        let names = Set(entities.map(\.name))
        for foreign in ["Democratic Progressive Party", "Agence Kampuchea Presse", "Russia Today"] {
            #expect(!names.contains(foreign), "\(foreign)")
        }
        // The commission and its abbreviation, the ministry and its short form: one entity each.
        #expect(entities.filter { $0.link == "org:kpk" }.count == 1)
        #expect(entities.first { $0.link == "org:kpk" }?.mentions.count == 2)
        #expect(entities.first { $0.link == "org:kemenkeu" }?.mentions.count == 2)
    }

    @Test func theCountryOfATitleAloneIsNotAShortForm() {
        // "Perdana Menteri Israel" alone is Netanyahu in 2019; "Israel" before his name is still the country.
        let text = """
            Menteri Luar Negeri Swedia, Ann Linde mengecam Perdana Menteri Israel, Benjamin Netanyahu. Ia ingin \
            terpilih lagi sebagai Perdana Menteri Israel.
            """
        let entities = recognizer.recognize(text: text, date: "2019-09-11", language: "id")
        let netanyahu = entities.first { $0.name == "Benjamin Netanyahu" }
        #expect(netanyahu?.mentions.map(\.text).contains("Perdana Menteri Israel") == true)
        #expect(netanyahu?.mentions.map(\.text).contains("Israel") == false)
        #expect(netanyahu?.aliases.contains("Israel") == false)
        // A former holder is not the one in office on the day.
        let former = recognizer.recognize(text: "Ia bertemu mantan Presiden Rusia di Moskow.", date: "2019-09-11", language: "id")
        #expect(!former.contains { $0.type == "PER" })
        let current = recognizer.recognize(text: "Ia bertemu Presiden Rusia di Moskow.", date: "2019-09-11", language: "id")
        #expect(current.first { $0.type == "PER" }?.name == "Vladimir Putin")
    }

    @Test func shortFormsTitlesAndSpellingsAreOneEntity() throws {
        let text = """
            Pemimpin Korea Utara Kim Jong-un menerima tamunya di Pyongyang. Ketua Kim Jong Un kemudian berpidato.
            Dalam pidatonya, Kim mengatakan kedua negara bersahabat.
            """
        let entities = recognizer.recognize(text: text, date: "2024-06-19", language: "id")
        let kim = try #require(person(entities, "Kim Jong Un"))
        #expect(kim.link == "person:kim-jong-un")
        #expect(kim.mentions.map(\.text).contains("Kim Jong-un"))
        #expect(kim.mentions.map(\.text).contains("Kim Jong Un"))
        #expect(kim.titles.contains("Pemimpin Korea Utara"))
        #expect(kim.country == "North Korea")
        // Offsets are Unicode-scalar offsets into the text.
        let scalars = Array(text.unicodeScalars)
        for mention in kim.mentions {
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
        }
        // The country inside the title is not an entity mention of its own there.
        let northKorea = entities.first { $0.link == "country:PRK" }
        #expect(northKorea == nil)
    }

    @Test(arguments: [
        ("2023-10-20", "Vladimir Putin"),
        ("2019-05-01", "Vladimir Putin"),
    ])
    func titleAloneResolvesAtTheDocumentDate(date: String, expected: String) {
        let entities = recognizer.recognize(text: "Presiden Rusia menyampaikan pidato di Moskow.", date: date, language: "id")
        #expect(person(entities, expected) != nil)
    }

    @Test func titleAloneFollowsTermsOfOffice() {
        let before = recognizer.recognize(text: "Menteri Pertahanan Rusia tiba di Pyongyang.", date: "2023-07-25", language: "id")
        let after = recognizer.recognize(text: "Menteri Pertahanan Rusia tiba di Pyongyang.", date: "2024-11-29", language: "id")
        #expect(person(before, "Sergei Shoigu") != nil)
        #expect(person(after, "Sergei Shoigu") == nil)
        #expect(person(after, "Andrei Belousov") != nil)
    }

    @Test func countriesOrganisationsAndPlacesAreLinked() {
        let entities = recognizer.recognize(
            text: "Menurut KCNA, delegasi Rusia tiba di Vladivostok untuk rapat PBB dan ASEAN.", date: nil, language: "id")
        let links = Set(entities.compactMap(\.link))
        #expect(links.contains("country:RUS"))
        #expect(links.contains("place:Vladivostok"))
        #expect(links.contains { $0.hasPrefix("org:") && entities.first(where: { $0.link == $0.link })?.type != nil })
        #expect(entities.contains { $0.type == "ORG" && $0.aliases.contains("KCNA") || $0.name == "KCNA" })
    }
}
