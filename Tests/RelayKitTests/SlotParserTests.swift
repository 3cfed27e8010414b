import Foundation
import RelayKit
import RelayLanguage
import Testing

@Suite("Slot parsers")
struct SlotParserTests {
    func w(_ s: String) -> [String] { TextNormalizer.words(s) }

    @Test func normalisation() {
        #expect(TextNormalizer.words("What's the Wi-Fi?") == ["what", "is", "the", "wi", "fi"])
        #expect(TextNormalizer.words("Set it to 6:45pm, please!") == ["set", "it", "to", "6:45", "pm", "please"])
        #expect(TextNormalizer.words("50% brightness") == ["50", "percent", "brightness"])
        #expect(TextNormalizer.words("Mom's café") == ["mom", "cafe"])
        #expect(TextNormalizer.words("yesterday's pictures, O'Brien") == ["yesterday", "pictures", "obrien"])
        #expect(TextNormalizer.words("打开无线网络") == ["打", "开", "无", "线", "网", "络"])
        #expect(TextNormalizer.normalize("打开 Wi-Fi 吧") == "打开 wi fi 吧")
        #expect(TextNormalizer.words("I don't know, it's 2.5") == ["i", "do", "not", "know", "it", "is", "2.5"])
    }

    @Test(arguments: [
        ("twenty five", 25.0), ("25", 25), ("one hundred and five", 105), ("a hundred", 100), ("two point five", 2.5),
        ("2.5", 2.5), ("zero", 0), ("nineteen", 19), ("three thousand two hundred", 3200), ("二十五", 25), ("两", 2),
        ("一百零五", 105), ("三点五", 3.5), ("minus four", -4),
    ])
    func numbers(_ text: String, _ value: Double) {
        #expect(NumberWords.parse(w(text)) == value)
    }

    @Test(arguments: ["twenty twenty five", "five twenty", "and", "a", "hundred and", "twenty seventeen", "bananas"])
    func notNumbers(_ text: String) {
        #expect(NumberWords.parse(w(text)) == nil)
    }

    @Test(arguments: [
        ("seven thirty", "07:30"), ("6:45 pm", "18:45"), ("6 pm", "18:00"), ("quarter past eight", "08:15"),
        ("half past seven", "07:30"), ("quarter to nine", "08:45"), ("ten to six in the evening", "17:50"), ("noon", "12:00"),
        ("midnight", "00:00"), ("seven oclock", "07:00"), ("seven o'clock am", "07:00"), ("18:30", "18:30"),
        ("seven oh five", "07:05"), ("eleven forty five pm", "23:45"), ("12 am", "00:00"), ("12:15 p.m.", "12:15"),
        ("at 7", "07:00"), ("七点半", "07:30"), ("下午三点", "15:00"), ("八点十五分", "08:15"),
    ])
    func times(_ text: String, _ canonical: String) {
        #expect(SlotParsers.timeOfDay(w(text))?.canonical == canonical)
    }

    @Test(arguments: ["seven five", "25:00", "thirteen pm", "quarter past", "banana"])
    func notTimes(_ text: String) {
        #expect(SlotParsers.timeOfDay(w(text)) == nil)
    }

    @Test(arguments: [
        ("ten minutes", 600), ("an hour and a half", 5400), ("90 seconds", 90), ("1 hour 30 minutes", 5400),
        ("half an hour", 1800), ("two and a half hours", 9000), ("1.5 hours", 5400), ("a minute", 60),
        ("5 min", 300), ("one hour and ten minutes", 4200), ("for 20 seconds", 20), ("十分钟", 600), ("半小时", 1800),
        ("一个半小时", 5400), ("two days", 172_800),
    ])
    func durations(_ text: String, _ seconds: Int) {
        #expect(SlotParsers.durationSeconds(w(text)) == seconds)
    }

    @Test(arguments: ["ten", "minutes", "ten bananas", "an hour and"])
    func notDurations(_ text: String) {
        #expect(SlotParsers.durationSeconds(w(text)) == nil)
    }

    @Test(arguments: [
        ("today", "today"), ("yesterday", "yesterday"), ("last week", "last_week"), ("in March", "march"),
        ("this month", "this_month"), ("the past week", "last_7_days"), ("last 3 days", "last_3_days"),
        ("3 days ago", "3_days_ago"), ("in 2024", "2024"), ("昨天", "yesterday"), ("上周", "last_week"), ("三月", "march"),
        ("from last year", "last_year"), ("on March 3rd", "march_3"), ("the twenty first of june", "june_21"),
        ("march the third", "march_3"), ("last monday", "monday"), ("on friday", "friday"),
        // Calendar dates written or said with their year, and ranges of them.
        ("from 2024-07-04", "2024-07-04"), ("in May 2024", "2024-05"), ("june 1st 2024", "2024-06-01"),
        ("the 4th of july 2024", "2024-07-04"), ("between June 1 and June 10 2024", "2024-06-01/2024-06-10"),
        ("from 2024-06-01 to 2024-06-03", "2024-06-01/2024-06-03"),
    ])
    func dates(_ text: String, _ spec: String) {
        #expect(SlotParsers.dateSpec(w(text)) == spec)
    }

    @Test(arguments: ["between june 10 and june 1 2024", "2024 13 01", "june 41 2024", "2024 7", "june and july"])
    func notCalendarDates(_ text: String) {
        #expect(SlotParsers.dateSpec(w(text)) == nil)
    }

    @Test func calendarSpecsAreValid() {
        for spec in ["2024-07-04", "2024-05", "2024-06-01/2024-06-10"] { #expect(DateRange.isValidSpec(spec), "\(spec)") }
    }

    @Test func dateRangesResolve() throws {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let now = Date(timeIntervalSince1970: 1_773_568_800)  // Sunday 2026-03-15 10:00 UTC
        func range(_ spec: String) throws -> (Double, Double) {
            let r = try #require(DateRange.resolve(spec, now: now, calendar: cal))
            return (r.start.timeIntervalSince1970, r.end.timeIntervalSince1970)
        }
        let day = 86_400.0
        let mar15 = 1_773_532_800.0
        #expect(try range("today") == (mar15, mar15 + day))
        #expect(try range("yesterday") == (mar15 - day, mar15))
        #expect(try range("march") == (mar15 - 14 * day, mar15 + 17 * day))
        #expect(try range("april").0 == 1_743_465_600)  // April 2025: the most recent April that started
        #expect(try range("2026-03-01/2026-03-02") == (mar15 - 14 * day, mar15 - 12 * day))
        #expect(try range("last_7_days") == (mar15 - 6 * day, mar15 + day))
        #expect(DateRange.resolve("2026-02-30", now: now, calendar: cal) == nil)
        #expect(DateRange.resolve("someday", now: now, calendar: cal) == nil)
        #expect(DateRange.canonicalSpec("Last Week") == "last_week")
        #expect(try range("march_3") == (mar15 - 12 * day, mar15 - 11 * day))
        #expect(try range("march_20").0 == 1_742_428_800)  // not yet this year: March 20, 2025
        #expect(try range("sunday") == (mar15, mar15 + day))  // today is a Sunday
        #expect(try range("friday") == (mar15 - 2 * day, mar15 - day))
        #expect(DateRange.resolve("february_30", now: now, calendar: cal) == nil)
    }

    @Test func percentagesAndBooleans() {
        #expect(SlotParsers.percentage(w("fifty percent")) == 50)
        #expect(SlotParsers.percentage(w("75%")) == 75)
        #expect(SlotParsers.percentage(w("百分之三十")) == 30)
        #expect(SlotParsers.percentage(w("max")) == 100)
        #expect(SlotParsers.boolean(w("on")) == true)
        #expect(SlotParsers.boolean(w("disabled")) == false)
        #expect(SlotParsers.boolean(w("perhaps")) == nil)
    }
}
