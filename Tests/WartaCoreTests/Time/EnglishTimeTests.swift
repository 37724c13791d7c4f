import Testing
import WartaCore

/// English dates and relative expressions. Publication date 2023-10-20 (Friday).
@Suite("English time expressions")
struct EnglishTimeTests {
    static let cases: [TimeCase] = [
        TimeCase("The treaty was signed on March 3, 2022 in Geneva.", language: "en", [ExpectedTime("March 3, 2022", "2022-03-03")]),
        TimeCase("Officials met on Oct. 12, 2023.", language: "en", [ExpectedTime("Oct. 12, 2023", "2023-10-12")]),
        TimeCase("The vote is expected on October 25.", language: "en", [ExpectedTime("October 25", "2023-10-25")]),
        TimeCase("She arrived on 4 August 2023.", language: "en", [ExpectedTime("4 August 2023", "2023-08-04")]),
        TimeCase("Sales fell in June 2021.", language: "en", [ExpectedTime("June 2021", "2021-06")]),
        TimeCase("Prices rose in May.", language: "en", [ExpectedTime("May", "2023-05")]),
        TimeCase("The bridge opened in 1999.", language: "en", [ExpectedTime("1999", "1999")]),
        TimeCase("He resigned yesterday.", language: "en", [ExpectedTime("yesterday", "2023-10-19")]),
        TimeCase("The court rules today.", language: "en", [ExpectedTime("today", "2023-10-20")]),
        TimeCase("They fly home tomorrow.", language: "en", [ExpectedTime("tomorrow", "2023-10-21")]),
        TimeCase("Protests spread last week.", language: "en", [ExpectedTime("last week", "2023-W41")]),
        TimeCase("Elections are due next month.", language: "en", [ExpectedTime("next month", "2023-11")]),
        TimeCase("Exports grew this year.", language: "en", [ExpectedTime("this year", "2023")]),
        TimeCase("The plant closed two years ago.", language: "en", [ExpectedTime("two years ago", "2021")]),
        TimeCase("Talks collapsed three weeks ago.", language: "en", [ExpectedTime("three weeks ago", "2023-W39")]),
        TimeCase("The minister spoke on Tuesday.", language: "en", [ExpectedTime("Tuesday", "2023-10-17")]),
        TimeCase("They met last Monday.", language: "en", [ExpectedTime("last Monday", "2023-10-16")]),
        TimeCase("Troops left on Sunday, Oct. 1, 2023.", language: "en", [ExpectedTime("Sunday, Oct. 1, 2023", "2023-10-01")]),
        TimeCase("The quake struck on 2 Sept 2023 at 6:30 p.m. local time.", language: "en",
                 [ExpectedTime("2 Sept 2023 at 6:30 p.m. local time", "2023-09-02T18:30")]),
        TimeCase("The summit ended on 5 July 2023. A day later the leaders flew home.", language: "en",
                 [ExpectedTime("5 July 2023", "2023-07-05"), ExpectedTime("A day later", "2023-07-06")]),
        TimeCase("The ceasefire began on 1 May 2023. The next day shelling resumed.", language: "en",
                 [ExpectedTime("1 May 2023", "2023-05-01"), ExpectedTime("The next day", "2023-05-02")]),
        TimeCase("Growth slowed in the third quarter of 2023.", language: "en",
                 [ExpectedTime("third quarter of 2023", "2023-Q3")]),
        TimeCase("Unrest grew in the 1980s.", language: "en", [ExpectedTime("the 1980s", "198")]),
        TimeCase("Fighting continued from 2014-2016.", language: "en", [ExpectedTime("2014-2016", "2014/2016")]),
        TimeCase("Ties were restored in early 2022.", language: "en", [ExpectedTime("early 2022", "2022")]),
        TimeCase("Talks resume at 14:00 GMT on Monday, Oct. 23.", language: "en",
                 [ExpectedTime("at 14:00 GMT on Monday, Oct. 23", "2023-10-23T14:00+00:00")]),
        TimeCase("Prices rose earlier this week.", language: "en", [ExpectedTime("earlier this week", "2023-W42")]),
        TimeCase("Black Friday sales began on Oct. 18–21 this year.", language: "en",
                 [ExpectedTime("Oct. 18–21", "2023-10-18/2023-10-21"), ExpectedTime("this year", "2023")]),
        TimeCase("Several days ago and recently the army moved.", language: "en", []),
        TimeCase("May I ask what happened in the next few days?", language: "en", []),
        TimeCase("Some 2000 people marched and the talks end soon.", language: "en", []),
    ]

    @Test("finds English expressions with their values", arguments: cases)
    func english(_ c: TimeCase) {
        #expect(c.found() == c.wanted)
    }
}
