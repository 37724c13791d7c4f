internal import CLibXML2

/// Finds the elements of a parsed page that hold its article, by scoring containers on the paragraphs
/// they hold.
///
/// One pass over the tree gathers, for every element that is not skipped (scripts, navigation, hidden
/// elements...), its visible text, the part of it inside links, its own inline text (the text whose nearest
/// block is this element) and the commas in that text. Every block with at least a sentence of inline text
/// is a paragraph: it scores `1 + commas + min(bytes / 100, 3)`, given in full to the nearest container
/// above it, half to the next and a sixth to the third. A container's final score adds a bonus for its name
/// (a `div` or `article` more likely than a list) and ±25 for its `class`/`id` words, and is multiplied by the
/// share of its text that is not link text. The best container wins, with the siblings that score well or
/// read like paragraphs.
///
/// Element indexes are kept in libxml2's `_private` field of each node (index + 1), so the walk that writes
/// the lines can ask about any node in constant time.
///
/// - Complexity: O(n) in the number of nodes, plus the depth for the score propagation (3 levels).
struct ContentScorer {
    var nodes: [xmlNodePtr] = []
    var parent: [Int32] = []
    var tags: [HTMLTag] = []
    var hint: [Int8] = []
    var text: [Int32] = []
    var link: [Int32] = []
    var inline: [Int32] = []
    var commas: [Int32] = []
    var score: [Double] = []
    var touched: [Bool] = []
    /// Inside an element whose class says furniture (comments, related links...).
    var underFurniture: [Bool] = []
    /// Bytes of paragraph text (not furniture, few links) under each element.
    var prose: [Int32] = []
    /// A hash of each element's `class` attribute (0 for none): an article cut into chunks repeats its class.
    var classKey: [Int] = []
    var cache = HTMLTag.Cache()
    private var hintCache: [[UInt8]: Int8] = [:]
    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    /// The chosen elements, in document order.
    private(set) var chosen: [Int] = []
    /// The index of the best container, if any paragraph was found.
    private(set) var best: Int?

    init(root: xmlNodePtr) {
        collect(root)
        propagate()
        choose()
    }

    /// The index of an element the scorer saw, or nil for skipped elements and non-elements.
    static func index(of node: xmlNodePtr) -> Int? {
        guard let raw = node.pointee._private else { return nil }
        return Int(bitPattern: raw) - 1
    }

    func linkDensity(_ i: Int) -> Double {
        text[i] > 0 ? Double(link[i]) / Double(text[i]) : 0
    }

    func finalScore(_ i: Int) -> Double {
        (score[i] + tags[i].bonus + 25 * Double(hint[i])) * (1 - linkDensity(i))
    }

    // MARK: - Gathering

    private mutating func collect(_ root: xmlNodePtr) {
        // (node, parent element index, nearest block index, inside a link)
        var stack: [(xmlNodePtr, Int32, Int32, Bool, Bool)] = [(root, -1, -1, false, false)]
        while let (node, up, upBlock, inLink, inFurniture) = stack.popLast() {
            let tag = cache.tag(node)
            if tag.isSkipped { continue }
            let (classHint, hidden, classHash) = attributes(node)
            if hidden { continue }
            classKey.append(classHash)
            let i = Int32(nodes.count)
            node.pointee._private = UnsafeMutableRawPointer(bitPattern: Int(i) + 1)
            nodes.append(node)
            parent.append(up)
            tags.append(tag)
            hint.append(classHint)
            let furniture = inFurniture || classHint < 0
            underFurniture.append(furniture)
            text.append(0)
            link.append(0)
            inline.append(0)
            commas.append(0)
            let block = tag.isBlock ? i : upBlock
            let linked = inLink || tag.isLink
            var children = [xmlNodePtr]()
            var child = node.pointee.children
            while let c = child {
                child = c.pointee.next
                switch c.pointee.type {
                case XML_ELEMENT_NODE:
                    children.append(c)
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    guard let content = c.pointee.content else { continue }
                    var bytes: Int32 = 0
                    var comma: Int32 = 0
                    var p = content
                    while p.pointee != 0 {
                        let b = p.pointee
                        if b > 32 { bytes += 1 }
                        if b == 44 { comma += 1 }
                        p += 1
                    }
                    text[Int(i)] += bytes
                    if linked { link[Int(i)] += bytes }
                    if block >= 0 {
                        inline[Int(block)] += bytes
                        commas[Int(block)] += comma
                    }
                default:
                    continue
                }
            }
            for c in children.reversed() { stack.append((c, i, block, linked, furniture)) }
        }
        // Children come after their parents: sum text bottom-up.
        for i in stride(from: nodes.count - 1, through: 1, by: -1) where parent[i] >= 0 {
            text[Int(parent[i])] += text[i]
            link[Int(parent[i])] += link[i]
        }
    }

    /// The class hint of an element (+2 for `itemprop="articleBody"`), whether it is hidden, its class hash.
    private mutating func attributes(_ node: xmlNodePtr) -> (Int8, Bool, Int) {
        var classes = [UInt8]()
        var classHash = 0
        var hidden = false
        var itemBody = false
        var attr = node.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            guard let rawName = a.pointee.name, let value = a.pointee.children?.pointee.content else { continue }
            if xmlStrEqual(rawName, "class") != 0 || xmlStrEqual(rawName, "id") != 0 {
                let isClass = xmlStrEqual(rawName, "class") != 0
                var p = value
                while p.pointee != 0 {
                    let b = p.pointee
                    classes.append(b >= 65 && b <= 90 ? b + 32 : b)
                    if isClass { classHash = classHash &* 31 &+ Int(b) }
                    p += 1
                }
                if isClass { classHash = classHash == 0 ? 1 : classHash }
                classes.append(32)
            } else if xmlStrEqual(rawName, "hidden") != 0 {
                hidden = true
            } else if xmlStrEqual(rawName, "style") != 0 {
                var style = [UInt8]()
                var p = value
                while p.pointee != 0 {
                    let b = p.pointee
                    if b != 32 { style.append(b >= 65 && b <= 90 ? b + 32 : b) }
                    p += 1
                }
                if ByteSearch.firstIndex(of: Self.displayNone, in: style) != nil || ByteSearch.firstIndex(of: Self.visibilityHidden, in: style) != nil { hidden = true }
            } else if xmlStrEqual(rawName, "itemprop") != 0, xmlStrEqual(value, "articleBody") != 0 {
                itemBody = true
            }
        }
        if itemBody { return (2, hidden, classHash) }
        if classes.isEmpty { return (0, hidden, classHash) }
        if let known = hintCache[classes] { return (known, hidden, classHash) }
        let found = Int8(ClassHints.hint(bytes: classes))
        hintCache[classes] = found
        return (found, hidden, classHash)
    }

    // MARK: - Scoring

    private mutating func propagate() {
        score = [Double](repeating: 0, count: nodes.count)
        touched = [Bool](repeating: false, count: nodes.count)
        prose = [Int32](repeating: 0, count: nodes.count)
        for i in nodes.indices where tags[i].isBlock && !tags[i].isHeading && inline[i] >= 25 {
            let s = (1 + Double(commas[i]) + min(Double(inline[i]) / 100, 3)) * (underFurniture[i] ? 0.2 : 1)
            if !underFurniture[i] && linkDensity(i) < 0.3 {
                var a = i
                while a >= 0 {
                    prose[a] += inline[i]
                    a = Int(parent[a])
                }
            }
            var level = 0
            if tags[i].isContainer {
                score[i] += s
                touched[i] = true
                level = 1
            }
            var a = Int(parent[i])
            while a >= 0 && level < 3 {
                if tags[a].isContainer {
                    score[a] += level == 0 ? s : (level == 1 ? s / 2 : s / 6)
                    touched[a] = true
                    level += 1
                }
                a = Int(parent[a])
            }
        }
    }

    /// An article cut into chunks by ads or widgets between them: other elements of the same tag and `class`
    /// as the best container, holding prose, outside what is chosen and outside furniture.
    private mutating func addChunks(of top: Int) {
        let key = classKey[top]
        guard key != 0 else { return }
        var extra = [Int]()
        for j in nodes.indices where j != top && classKey[j] == key && xmlStrEqual(nodes[j].pointee.name, nodes[top].pointee.name) != 0 {
            // Under the same furniture-looking wrapper as the best container ("grid--adrail") counts as outside.
            let outside = !underFurniture[j] || underFurniture[top]
            guard outside, (underFurniture[j] ? text[j] : prose[j]) >= 80, linkDensity(j) < 0.3 else { continue }
            if chosen.contains(where: { isAncestor($0, of: j) || isAncestor(j, of: $0) }) { continue }
            if extra.contains(where: { isAncestor($0, of: j) || isAncestor(j, of: $0) }) { continue }
            extra.append(j)
        }
        guard !extra.isEmpty else { return }
        chosen = (chosen + extra).sorted()
    }

    /// Whether `a` is `b` or holds it.
    private func isAncestor(_ a: Int, of b: Int) -> Bool {
        var x = b
        while x >= 0 {
            if x == a { return true }
            x = Int(parent[x])
        }
        return false
    }

    private mutating func choose() {
        var top: Int?
        var topScore = -Double.infinity
        for i in nodes.indices where touched[i] {
            let s = finalScore(i)
            if s > topScore {
                topScore = s
                top = i
            }
        }
        guard var top else { return }
        // An article cut into several boxes: climb while the parent holds clearly more prose.
        while parent[top] >= 0 {
            let up = Int(parent[top])
            // A plain wrapper (the same prose, little else) is climbed through too: "card > card-content > p".
            let wrapper = prose[up] == prose[top] && Double(text[up]) <= Double(text[top]) * 1.3
            guard Double(prose[up]) >= Double(prose[top]) * 1.25 || wrapper, linkDensity(up) < 0.4, hint[up] >= 0,
                tags[up].bonus > -5 || !tags[up].isContainer
            else { break }
            top = up
        }
        topScore = max(topScore, finalScore(top))
        best = top
        let up = Int(parent[top])
        guard up >= 0 else {
            chosen = [top]
            return
        }
        defer { addChunks(of: top) }
        let threshold = max(10, topScore * 0.2)
        var child = nodes[up].pointee.children
        while let c = child {
            child = c.pointee.next
            guard let i = Self.index(of: c) else { continue }
            if i == top {
                chosen.append(i)
            } else if touched[i] && finalScore(i) >= threshold && hint[i] >= 0 {
                chosen.append(i)
            } else if !tags[i].isContainer || tags[i].bonus >= 0, inline[i] >= 80, linkDensity(i) < 0.25, hint[i] >= 0 {
                chosen.append(i)
            }
        }
    }
}
