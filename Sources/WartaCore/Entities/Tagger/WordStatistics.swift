/// What unlabelled news text says about words: how often each is capitalised inside a sentence and which
/// distributional cluster it falls in. The tagger uses both as features, so that a word never seen in the labelled
/// data still tells whether it is usually a name and what kind of word it behaves like.
///
/// Built by ``WordStatisticsBuilder`` from raw text; stored inside the ``NERModel``.
public struct WordStatistics: Sendable, Hashable {
    /// How often a word is capitalised when it is not the first of a sentence: 0 (never) … 4 (always).
    var capitalisation: [String: UInt8]
    /// The contexts a word is seen in when capitalised: 2 bits (0 never … 3 often) for each ``Context``.
    var profiles: [String: UInt16]
    /// Cluster numbers of a word, one per clustering granularity (coarse to fine).
    var clusters: [String: [UInt16]]
    /// The number of clusters of each granularity.
    var granularities: [Int]

    init(
        capitalisation: [String: UInt8] = [:], profiles: [String: UInt16] = [:], clusters: [String: [UInt16]] = [:],
        granularities: [Int] = []
    ) {
        self.capitalisation = capitalisation
        self.profiles = profiles
        self.clusters = clusters
        self.granularities = granularities
    }

    /// No statistics: features that need them are left out.
    public static let empty = WordStatistics()

    public var isEmpty: Bool { capitalisation.isEmpty && clusters.isEmpty && profiles.isEmpty }

    /// A context of a run of capitalised words that hints at the kind of name the run is.
    enum Context: Int, CaseIterable {
        case afterTitle, afterPlacePreposition, afterPlaceWord, afterOrganizationWord, beforePersonWord

        var wordClass: NERLexicon.WordClass {
            switch self {
            case .afterTitle: .title
            case .afterPlacePreposition: .placePreposition
            case .afterPlaceWord: .locationCue
            case .afterOrganizationWord: .organizationCue
            case .beforePersonWord: .personCue
            }
        }

        var before: Bool { self != .beforePersonWord }
    }

    /// The level (0…3) of `context` in a profile.
    static func level(_ profile: UInt16, _ context: Context) -> Int {
        Int((profile >> UInt16(2 * context.rawValue)) & 3)
    }

    /// These statistics with the clusters of `other` instead of their own (clustering is slow; counting is not).
    public func withClusters(from other: WordStatistics) -> WordStatistics {
        var copy = self
        copy.clusters = other.clusters
        copy.granularities = other.granularities
        return copy
    }

    /// The capitalisation class of `count` capitalised uses out of `total`.
    static func capitalisationClass(capitalised count: Int, of total: Int) -> UInt8 {
        let ratio = Double(count) / Double(max(total, 1))
        switch ratio {
        case ..<0.02: return 0
        case ..<0.25: return 1
        case ..<0.75: return 2
        case ..<0.98: return 3
        default: return 4
        }
    }
}
