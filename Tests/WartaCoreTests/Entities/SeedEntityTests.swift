import Foundation
import Testing
import WartaCore

/// The people, organisations and places of the seed articles (read from ../shared).
@Suite struct SeedEntityTests {
    @Test func seedsNameTheirActors() throws {
        guard let seeds = SharedData.url("seeds") else { return }
        let reader = InputReader()
        var entities = [Entity]()
        for file in reader.expand([seeds.path]).files {
            reader.read(file) { item in
                if case .document(let raw) = item, let document = try? DocumentAnalyzer().analyze(raw) {
                    entities += document.entities
                }
            }
        }
        let people = entities.filter { $0.type == "PER" }
        func person(_ name: String) -> [Entity] { people.filter { NameKey.fold($0.name) == NameKey.fold(name) } }
        for name in [
            "Kim Jong Un", "Vladimir Putin", "Sergei Shoigu", "Sergey Lavrov", "Alexei Krivoruchko", "Choe Son-hui",
            "Kang Sun Nam", "Li Hongzhong", "Xi Jinping", "Alexander Matsegora",
        ] {
            #expect(!person(name).isEmpty, "\(name)")
        }
        let kimMentions = Set(person("Kim Jong Un").flatMap { $0.mentions.map(\.text) })
        #expect(kimMentions.contains("Kim"))
        #expect(kimMentions.contains("Tn. Kim"))
        #expect(kimMentions.contains("Kim Jong-un"))
        let organisations = Set(entities.filter { $0.type == "ORG" }.flatMap { [$0.name] + $0.aliases })
        for name in ["KCNA", "RIA", "Yonhap"] { #expect(organisations.contains(name), "\(name)") }
        let places = Set(entities.filter { $0.type == "LOC" }.flatMap { [$0.name] + $0.aliases })
        for name in ["Pyongyang", "Vladivostok"] { #expect(places.contains(name), "\(name)") }
    }
}
