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
    var cache = HTMLTag.Cache()

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
        var stack: [(xmlNodePtr, Int32, Int32, Bool)] = [(root, -1, -1, false)]
        while let (node, up, upBlock, inLink) = stack.popLast() {
            let tag = cache.tag(node)
            if tag.isSkipped { continue }
            let (classes, hidden, itemBody) = Self.attributes(node)
            if hidden { continue }
            let i = Int32(nodes.count)
            node.pointee._private = UnsafeMutableRawPointer(bitPattern: Int(i) + 1)
            nodes.append(node)
            parent.append(up)
            tags.append(tag)
            hint.append(itemBody ? 2 : Int8(ClassHints.hint(classes)))
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
            for c in children.reversed() { stack.append((c, i, block, linked)) }
        }
        // Children come after their parents: sum text bottom-up.
        for i in stride(from: nodes.count - 1, through: 1, by: -1) where parent[i] >= 0 {
            text[Int(parent[i])] += text[i]
            link[Int(parent[i])] += link[i]
        }
    }

    /// `class` and `id` lowercased, whether the element is hidden, whether it is `itemprop="articleBody"`.
    static func attributes(_ node: xmlNodePtr) -> (String, Bool, Bool) {
        var classes = ""
        var hidden = false
        var itemBody = false
        var attr = node.pointee.properties
        while let a = attr {
            attr = a.pointee.next
            guard let rawName = a.pointee.name else { continue }
            let value = a.pointee.children?.pointee.content.map { String(cString: $0) } ?? ""
            switch (rawName[0], rawName[1], rawName[2]) {
            case (99, 108, 97):  // cla(ss)
                if strcmp(rawName, "class") == 0 { classes += value.lowercased() + " " }
            case (105, 100, 0):  // id
                classes += value.lowercased() + " "
            case (104, 105, 100):  // hid(den)
                if strcmp(rawName, "hidden") == 0 { hidden = true }
            case (115, 116, 121):  // sty(le)
                if strcmp(rawName, "style") == 0 {
                    let style = value.lowercased().filter { $0 != " " }
                    if style.contains("display:none") || style.contains("visibility:hidden") { hidden = true }
                }
            case (105, 116, 101):  // ite(mprop)
                if strcmp(rawName, "itemprop") == 0, value == "articleBody" { itemBody = true }
            default:
                continue
            }
        }
        return (classes, hidden, itemBody)
    }

    // MARK: - Scoring

    private mutating func propagate() {
        score = [Double](repeating: 0, count: nodes.count)
        touched = [Bool](repeating: false, count: nodes.count)
        for i in nodes.indices where tags[i].isBlock && !tags[i].isHeading && inline[i] >= 25 {
            let s = 1 + Double(commas[i]) + min(Double(inline[i]) / 100, 3)
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
        guard let top else { return }
        best = top
        let up = Int(parent[top])
        guard up >= 0 else {
            chosen = [top]
            return
        }
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
