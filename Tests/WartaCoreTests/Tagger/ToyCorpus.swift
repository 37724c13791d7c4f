import WartaCore

/// A small hand-made training corpus: a few sentence patterns filled with names, so that a model trained on it
/// must learn context (titles, prepositions, head words), not only the names.
enum ToyCorpus {
    static let people = [["Joko", "Widodo"], ["Sri", "Mulyani"], ["Anies", "Baswedan"], ["Retno", "Marsudi"]]
    static let places = [["Bandung"], ["Surabaya"], ["Kalimantan", "Timur"], ["Medan"]]
    static let organisations = [["Partai", "Golkar"], ["Bank", "Mandiri"], ["Universitas", "Indonesia"]]

    static func labelled(_ words: [String], _ type: String) -> [(token: String, label: String)] {
        words.enumerated().map { ($1, ($0 == 0 ? "B-" : "I-") + type) }
    }

    static func plain(_ text: String) -> [(token: String, label: String)] {
        text.split(separator: " ").map { (String($0), "O") }
    }

    static var sentences: [[(token: String, label: String)]] {
        var result: [[(token: String, label: String)]] = []
        for (i, person) in people.enumerated() {
            for (j, place) in places.enumerated() {
                let org = organisations[(i + j) % organisations.count]
                result.append(plain("Presiden") + labelled(person, "PER") + plain("tiba di") + labelled(place, "LOC")
                    + plain("pada Selasa ."))
                result.append(plain("Kemarin") + labelled(org, "ORG") + plain("mengundang") + labelled(person, "PER")
                    + plain("ke") + labelled(place, "LOC") + plain("."))
                result.append(plain("Menurut") + labelled(person, "PER") + plain(", harga beras di")
                    + labelled(place, "LOC") + plain("naik ."))
            }
        }
        return result
    }
}
