internal import Hummingbird
internal import WartaCore

extension Pages {
    /// `/timeline`: the events on a time axis (SVG), one lane per type, and as a list; filtered by actor, type,
    /// country pair, dates and modality.
    func timeline(_ query: QueryString) async throws -> Response {
        let all = try await server.events.current().events
        let filter: EventQuery
        do {
            filter = try API.eventQuery(query)
        } catch let error as HTTPError {
            var response = Layout.page(
                title: "Timeline", current: "/timeline",
                body:
                    "<h1>Timeline</h1>\(FilterForm.render(query, events: all, action: "/timeline"))<p class=\"error\">\(error.body ?? "")</p>"
            )
            response.status = .badRequest
            return response
        }
        let events = all.filter(filter.matches)
        let dated = events.filter { $0.date != nil }
        let undated = events.filter { $0.date == nil }
        var body: HTML = """
            <h1>Timeline</h1>
            \(FilterForm.render(query, events: all, action: "/timeline"))
            <p class="summary">\(events.count) event\(events.count == 1 ? "" : "s")\(Self.describe(filter))</p>
            \(TimelineChart(events: dated).svg())
            <h2>Events in date order</h2>
            \(EventText.list(dated))
            """
        if !undated.isEmpty { body += "<h2>Without a date</h2>\(EventText.list(undated))" }
        if let a = filter.between.first, let b = filter.between.dropFirst().first {
            let months = EventQuery.monthCounts(events).map { "<li><time>\($0.month)</time> \($0.count)</li>" as HTML }
            body += "<h2>\(a) and \(b), per month</h2><ul class=\"months\">\(months)</ul>"
        }
        return Layout.page(title: "Timeline", current: "/timeline", body: body)
    }

    /// " with Putin, of type CONSULT, since 2024"
    static func describe(_ filter: EventQuery) -> String {
        var parts = [String]()
        if let actor = filter.actor { parts.append("with \(actor)") }
        if !filter.between.isEmpty { parts.append("between \(filter.between.joined(separator: " and "))") }
        if let type = filter.type { parts.append("of type \(type.uppercased())") }
        if let since = filter.since { parts.append("since \(since)") }
        if let until = filter.until { parts.append("until \(until)") }
        if filter.modality != "asserted" { parts.append("modality \(filter.modality)") }
        return parts.isEmpty ? "" : " " + parts.joined(separator: ", ")
    }
}

/// The filter form of the timeline and the network: a plain GET form, so it works without JavaScript.
enum FilterForm {
    static func render(_ query: QueryString, events: [EventMerger.Merged], action: String) -> HTML {
        let types = Set(events.map(\.type)).sorted()
        let typeOptions =
            [HTML("<option value=\"\">any</option>")]
            + types.map { type -> HTML in
                query["type"]?.uppercased() == type ? "<option selected>\(type)</option>" : "<option>\(type)</option>"
            }
        let modalities = EventQuery.modalities.map { modality -> HTML in
            (query["modality"] ?? "asserted") == modality
                ? "<option selected>\(modality)</option>" : "<option>\(modality)</option>"
        }
        var names = Set<String>()
        for event in events {
            names.formUnion(event.participants)
            names.formUnion(event.countries)
        }
        let options = names.sorted().map { "<option value=\"\($0)\"></option>" as HTML }
        return """
            <form class="filters" action="\(action)" method="get">
            <label>Actor <input name="actor" value="\(query["actor"])" list="actors" placeholder="Putin, Indonesia"></label>
            <label>Type <select name="type">\(typeOptions)</select></label>
            <label>Between <input name="a" value="\(query["a"])" list="actors" placeholder="Russia"></label>
            <label>and <input name="b" value="\(query["b"])" list="actors" placeholder="North Korea"></label>
            <label>Since <input name="since" value="\(query["since"])" placeholder="YYYY-MM-DD" size="10"></label>
            <label>Until <input name="until" value="\(query["until"])" placeholder="YYYY-MM-DD" size="10"></label>
            <label>Modality <select name="modality">\(modalities)</select></label>
            <button type="submit">Filter</button> <a href="\(action)">clear</a>
            <datalist id="actors">\(options)</datalist>
            </form>
            """
    }
}

/// The timeline as SVG: time runs left to right, one lane per event type, one dot per event (bigger with more
/// sources), each a link to the event's page.
struct TimelineChart {
    var events: [EventMerger.Merged]

    static let width = 960.0
    static let left = 110.0
    static let right = 24.0
    static let lane = 44.0
    static let top = 16.0
    static let axis = 34.0

    func svg() -> HTML {
        guard !events.isEmpty else { return "<p class=\"empty\">No dated events to draw.</p>" }
        let order = [
            "CONSULT", "AGREE", "COOPERATE", "AID", "REQUEST", "DEMAND", "ACCUSE", "REJECT", "THREATEN", "SANCTION",
        ]
        let types = Set(events.map(\.type)).sorted {
            (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1)
        }
        let days = events.map { Self.day($0.date ?? "") }
        let plot = Self.width - Self.left - Self.right
        let scale = TimeScale(days: days, from: Self.left + 14, to: Self.width - Self.right - 14)
        let x = scale.x
        let height = Self.top + Double(types.count) * Self.lane + Self.axis
        var parts = [HTML]()
        for (index, type) in types.enumerated() {
            let y = Self.top + Double(index) * Self.lane
            parts.append(
                "<g class=\"lane\"><rect x=\"\(Self.left)\" y=\"\(y + 4)\" width=\"\(plot)\" height=\"\(Self.lane - 8)\" class=\"lane-bg\"/><text x=\"\(Self.left - 10)\" y=\"\(y + Self.lane / 2 + 4)\" text-anchor=\"end\" class=\"lane-label\">\(type)</text></g>"
            )
        }
        parts.append(contentsOf: ticks(scale, y: Self.top + Double(types.count) * Self.lane))
        // Dots that fall close together in one lane are spread up and down.
        var taken = [String: [Double]]()
        for (event, day) in zip(events, days) {
            let lane = Double(types.firstIndex(of: event.type) ?? 0)
            let cx = x(day)
            let near = (taken[event.type] ?? []).filter { abs($0 - cx) < 10 }.count
            taken[event.type, default: []].append(cx)
            let shift = Double((near + 1) / 2) * 9 * (near % 2 == 0 ? 1 : -1)
            let cy = Self.top + lane * Self.lane + Self.lane / 2 + max(-14, min(14, shift))
            let radius = 5 + 1.5 * Double(min(event.sources.count, 5))
            parts.append(
                """
                <a href="\(EventText.link(event))" class="dot type-\(event.type)\(event.modality == "asserted" ? "" : " unasserted")" data-event="\(event.id)"><circle cx="\(cx)" cy="\(cy)" r="\(radius)"/><title>\(event.date ?? "") \(EventText.title(event))\(event.location.map { " @ " + $0 } ?? "")</title></a>
                """)
        }
        return """
            <figure class="chart"><svg class="timeline" viewBox="0 0 \(Self.width) \(height)" width="100%" role="img" aria-label="Timeline of \(events.count) events">
            \(parts.joined(separator: "\n"))
            </svg><figcaption>Each dot is an event, larger with more sources; hover for details, click to read its sources.</figcaption></figure>
            """
    }

    /// Year ticks over long spans, month ticks over short ones; a break mark where the axis skips a long gap.
    func ticks(_ scale: TimeScale, y: Double) -> [HTML] {
        let (firstYear, firstMonth, _) = Self.civil(scale.first)
        let (lastYear, lastMonth, _) = Self.civil(scale.last)
        let months = scale.shownDays / 30
        let step = months > 48 ? 12 : months > 18 ? 3 : 1
        var ticks: [HTML] = [
            "<line x1=\"\(Self.left)\" x2=\"\(Self.width - Self.right)\" y1=\"\(y)\" y2=\"\(y)\" class=\"axis\"/>"
        ]
        for gap in scale.breaks {
            let middle = (scale.x(gap.lowerBound) + scale.x(gap.upperBound)) / 2
            ticks.append(
                "<g class=\"break\"><rect x=\"\(middle - 5)\" y=\"\(y - 4)\" width=\"10\" height=\"8\"/><line x1=\"\(middle - 7)\" y1=\"\(y + 5)\" x2=\"\(middle - 1)\" y2=\"\(y - 5)\"/><line x1=\"\(middle + 1)\" y1=\"\(y + 5)\" x2=\"\(middle + 7)\" y2=\"\(y - 5)\"/><title>\((gap.upperBound - gap.lowerBound) / 365) years without events left out</title></g>"
            )
        }
        var year = firstYear
        var month = step == 12 ? 1 : firstMonth
        if step == 12, firstMonth > 1 { year += 1 }
        var lastX = -100.0
        var count = 0
        while (year, month) <= (lastYear, lastMonth), count < 400 {
            let day = Self.days(year, month, 1)
            let x = scale.x(day)
            if day >= scale.first, !scale.breaks.contains(where: { $0.lowerBound < day && day < $0.upperBound }),
                x - lastX >= 34
            {
                let label = step == 12 || month == 1 ? "\(year)" : "\(year)-\(month < 10 ? "0" : "")\(month)"
                ticks.append(
                    "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(y)\" y2=\"\(y + 6)\" class=\"axis\"/><text x=\"\(x)\" y=\"\(y + 20)\" text-anchor=\"middle\" class=\"tick\">\(label)</text>"
                )
                lastX = x
            }
            month += step
            while month > 12 {
                month -= 12
                year += 1
            }
            count += 1
        }
        return ticks
    }

    /// Days since 1970-01-01 of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the first day of a year or month).
    static func day(_ date: String) -> Int {
        let parts = date.split(separator: "-").map { Int($0) ?? 1 }
        return days(parts.first ?? 1970, parts.count > 1 ? parts[1] : 1, parts.count > 2 ? parts[2] : 1)
    }

    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// Where a day goes on the timeline: linear in time, except that a long stretch without events (more than two
/// years and a sixth of the span) is shrunk to a short break, so that a single old event does not squeeze the rest.
struct TimeScale {
    /// Days with events, sorted, and where each goes (in days of drawn time).
    private var anchors: [(day: Int, position: Double)] = []
    private var total = 1.0
    private let from: Double
    private let to: Double
    /// The stretches left out.
    private(set) var breaks: [ClosedRange<Int>] = []
    var first: Int { anchors.first?.day ?? 0 }
    var last: Int { anchors.last?.day ?? 0 }
    /// How many days the drawn parts cover.
    private(set) var shownDays = 0

    init(days: [Int], from: Double, to: Double) {
        self.from = from
        self.to = to
        let unique = Array(Set(days)).sorted()
        guard let firstDay = unique.first, let lastDay = unique.last else { return }
        let threshold = max(730, (lastDay - firstDay) / 6)
        var gaps = [Int]()
        for index in unique.indices.dropFirst() { gaps.append(unique[index] - unique[index - 1]) }
        shownDays = gaps.filter { $0 <= threshold }.reduce(0, +)
        let breakWidth = max(30.0, Double(shownDays) * 0.06)
        var position = 0.0
        anchors = [(firstDay, 0)]
        for (index, gap) in gaps.enumerated() {
            if gap > threshold {
                breaks.append(unique[index]...unique[index + 1])
                position += breakWidth
            } else {
                position += Double(gap)
            }
            anchors.append((unique[index + 1], position))
        }
        total = max(position, 1)
        if unique.count == 1 {
            // One day alone sits in the middle.
            anchors = [(firstDay - 1, 0), (firstDay + 1, 2)]
            total = 2
        }
    }

    /// The x of `day`: linear between the days with events, clamped at both ends.
    func x(_ day: Int) -> Double {
        guard let head = anchors.first, let tail = anchors.last else { return from }
        if day <= head.day { return from }
        if day >= tail.day { return to }
        var low = 0, high = anchors.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if anchors[middle].day <= day { low = middle } else { high = middle }
        }
        let a = anchors[low], b = anchors[high]
        let position = a.position + (b.position - a.position) * Double(day - a.day) / Double(max(b.day - a.day, 1))
        return from + position / total * (to - from)
    }
}
