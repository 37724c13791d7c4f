/// Anniversaries: "peringatan 70 tahun", "memperingati ke-70", "ulang tahun ke-75", "HUT RI ke-78",
/// "70th anniversary", "70-year anniversary". With a base year in the same sentence they tell the
/// year the document is about (1953 + 70 = 2023).
extension TimeGrammar {
    /// An anniversary phrase: how many years, and the token where it starts.
    struct Anniversary: Sendable {
        var years: Int
        var token: Int
    }

    func anniversaries() -> [Anniversary] {
        var out: [Anniversary] = []
        for i in tokens.indices {
            guard let k = tokens[i].keyword else { continue }
            var years: Int?
            switch k {
            case .commemorate:
                var j = i + 1
                if isKeyword(j, .ke) {
                    j += 1
                    if tok(j)?.isDash == true { j += 1 }
                    years = count(at: j)?.value
                } else if let (n, e) = count(at: j), tok(e)?.unit == .year {
                    years = n
                }
            case .ulang:
                if tok(i + 1)?.unit == .year { years = ordinalAfterKe(at: i + 2) }
            case .hut:
                years = ordinalAfterKe(at: i + 1) ?? ordinalAfterKe(at: i + 2)
            case .anniversary:
                if isKeyword(i - 1, .ordinalSuffix), touches(i - 1), let n = tok(i - 2), n.isNumber {
                    years = n.value
                } else if tok(i - 1)?.unit == .year, tok(i - 2)?.isDash == true, let n = tok(i - 3), n.isNumber {
                    years = n.value
                }
            default:
                break
            }
            if let n = years, (1...1000).contains(n) { out.append(Anniversary(years: n, token: i)) }
        }
        return out
    }

    /// "ke-70", "ke 70", "ke-tujuh puluh".
    private func ordinalAfterKe(at i: Int) -> Int? {
        guard isKeyword(i, .ke) else { return nil }
        var j = i + 1
        if tok(j)?.isDash == true { j += 1 }
        return count(at: j)?.value
    }

    /// The first and one past the last token of the sentence that holds token `i`.
    func sentence(around i: Int) -> Range<Int> {
        var a = i
        while a > 0, !tokens[a - 1].endsSentence || isInsideNumber(a - 1) { a -= 1 }
        var b = i
        while b < tokens.count, !tokens[b].endsSentence || isInsideNumber(b) { b += 1 }
        return a..<b
    }

    /// A dot between digits ("1.000") or after an abbreviation letter does not end a sentence.
    private func isInsideNumber(_ i: Int) -> Bool {
        guard tokens[i].kind == .punct else { return false }
        return tok(i - 1)?.isNumber == true && tok(i + 1).map { $0.isNumber && !$0.spaceBefore } == true
    }
}
