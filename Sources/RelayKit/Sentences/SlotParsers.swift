import RelayLanguage

/// Typed readers for spoken slot values; each reads *all* the given words or returns nil.
///
/// They are used by the sentence matcher (slots) and by argument validation (a model or a user on the
/// command line may write "6:45 pm" or "ten minutes" where the schema asks for `"18:45"` or `600`).
public enum SlotParsers {
    // MARK: Booleans

    /// on/off, yes/no, true/false, enabled/disabled, activated/deactivated, 开/关.
    public static func boolean(_ w: [String]) -> Bool? {
        guard w.count <= 2 else { return nil }
        switch w.joined(separator: " ") {
        case "on", "yes", "true", "enable", "enabled", "activate", "activated", "1", "开", "打开", "开启": return true
        case "off", "no", "false", "disable", "disabled", "deactivate", "deactivated", "0", "关", "关闭", "关掉": return false
        default: return nil
        }
    }

    // MARK: Percentages

    /// "fifty percent", "50", "50 %", "百分之五十", "max", "full".
    public static func percentage(_ w: [String]) -> Int? {
        var w = w
        if w.first == "百", w.count > 3, w[1] == "分", w[2] == "之" { w.removeFirst(3) }
        if w.last == "percent" { w.removeLast() } else if w.suffix(2) == ["per", "cent"] { w.removeLast(2) }
        if w == ["max"] || w == ["maximum"] || w == ["full"] { return 100 }
        if w == ["half"] { return 50 }
        guard let d = NumberWords.parse(w) else { return nil }
        return Int(d.rounded())
    }

    // MARK: Times of day

    static let dayParts: [String: Bool] = [  // true = afternoon/evening (pm)
        "in the morning": false, "this morning": false, "am": false, "a m": false,
        "in the afternoon": true, "this afternoon": true, "in the evening": true, "this evening": true,
        "at night": true, "tonight": true, "pm": true, "p m": true,
    ]

    /// "seven thirty", "6:45 pm", "6 pm", "quarter past eight", "half past seven", "half seven", "ten to nine",
    /// "noon", "midnight", "seven oclock", "18:30", "七点半", "八点十五分", "下午三点".
    public static func timeOfDay(_ words: [String]) -> TimeOfDay? {
        var w = words
        if w.first == "at" { w.removeFirst() }
        guard !w.isEmpty else { return nil }
        if let zh = mandarinTime(w) { return zh }
        switch w.joined(separator: " ") {
        case "noon", "midday", "twelve noon": return TimeOfDay(hour: 12, minute: 0)
        case "midnight", "twelve midnight": return TimeOfDay(hour: 0, minute: 0)
        default: break
        }
        // Day part suffix.
        var pm: Bool?
        for n in [3, 2, 1] where w.count > n {
            if let p = dayParts[w.suffix(n).joined(separator: " ")] { pm = p; w.removeLast(n); break }
        }
        if w.last == "oclock" { w.removeLast() }
        guard !w.isEmpty else { return nil }
        var hour: Int
        var minute = 0
        if let i = w.firstIndex(where: { $0 == "past" || $0 == "after" || $0 == "to" || $0 == "till" || $0 == "before" }), i > 0 {
            // "quarter past eight", "ten minutes to nine"
            var before = Array(w[..<i])
            if before.last == "minutes" || before.last == "minute" { before.removeLast() }
            let m: Int?
            switch before.joined(separator: " ") {
            case "quarter", "a quarter": m = 15
            case "half": m = 30
            default: m = NumberWords.parseInt(before)
            }
            guard let mins = m, (1...59).contains(mins), let h = NumberWords.parseInt(w[(i + 1)...]), (0...23).contains(h) else { return nil }
            if w[i] == "past" || w[i] == "after" {
                hour = h; minute = mins
            } else {
                hour = (h + 23) % 24; minute = 60 - mins
            }
        } else if w.count >= 2, w[0] == "half", let h = NumberWords.parseInt(w[1...]), (1...12).contains(h) {
            // "half six": half past six, as said in Britain.
            hour = h; minute = 30
        } else if w.count == 1, w[0].contains(":") {
            guard let t = TimeOfDay(canonical: w[0]) else { return nil }
            hour = t.hour; minute = t.minute
        } else if let whole = NumberWords.parseInt(w), (0...23).contains(whole) {
            hour = whole
        } else if w.count == 1, w[0].count == 4, let n = Int(w[0]) {
            hour = n / 100; minute = n % 100  // "1830"
        } else {
            // Hour word(s) then minute word(s): "seven thirty", "seven oh five", "eleven forty five".
            var found: (Int, Int)?
            for split in 1..<w.count {
                guard let h = NumberWords.parseInt(w[..<split]), (0...23).contains(h) else { continue }
                var rest = Array(w[split...])
                var leadingZero = false
                if rest.first == "oh" || rest.first == "o", rest.count > 1 { rest.removeFirst(); leadingZero = true }
                if rest == ["hundred"] { found = (h, 0); break }
                guard let m = NumberWords.parseInt(rest), (0...59).contains(m), !(leadingZero && m > 9) else { continue }
                if !leadingZero && m < 10 && rest.first?.allSatisfy(\.isNumber) != true { continue }  // "seven five" is not 7:05
                found = (h, m); break
            }
            guard let f = found else { return nil }
            hour = f.0; minute = f.1
        }
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            if pm && hour < 12 { hour += 12 }
            if !pm && hour == 12 { hour = 0 }
        }
        return TimeOfDay(hour: hour, minute: minute)
    }

    static func mandarinTime(_ w: [String]) -> TimeOfDay? {
        guard let p = w.firstIndex(of: "点"), w.allSatisfy({ TextNormalizer.isCJK($0.unicodeScalars.first!) || Int($0) != nil }) else { return nil }
        var head = Array(w[..<p])
        var pm = false
        for (prefix, isPM) in [(["上", "午"], false), (["早", "上"], false), (["下", "午"], true), (["晚", "上"], true), (["中", "午"], true)] {
            if head.starts(with: prefix) { head.removeFirst(2); pm = isPM }
        }
        guard var hour = NumberWords.parseInt(head), (0...23).contains(hour) else { return nil }
        var tail = Array(w[(p + 1)...])
        if tail.last == "分" { tail.removeLast() }
        if tail.last == "钟" { tail.removeLast() }
        var minute = 0
        if tail == ["半"] { minute = 30 } else if tail == ["一", "刻"] { minute = 15 } else if tail == ["三", "刻"] { minute = 45 }
        else if !tail.isEmpty {
            guard let m = NumberWords.parseInt(tail), (0...59).contains(m) else { return nil }
            minute = m
        }
        if pm && hour < 12 { hour += 12 }
        return TimeOfDay(hour: hour, minute: minute)
    }

    // MARK: Durations

    static let unitSeconds: [String: Double] = [
        "second": 1, "seconds": 1, "sec": 1, "secs": 1, "s": 1,
        "minute": 60, "minutes": 60, "min": 60, "mins": 60, "m": 60,
        "hour": 3600, "hours": 3600, "hr": 3600, "hrs": 3600, "h": 3600,
        "day": 86400, "days": 86400,
        "秒": 1, "分": 60, "分钟": 60, "小时": 3600, "钟头": 3600, "天": 86400,
    ]

    /// Whole seconds: "ten minutes", "an hour and a half", "90 seconds", "1 hour 30 minutes", "half an hour",
    /// "a quarter of an hour", "three quarters of an hour",
    /// "two and a half hours", "1.5 hours", "十分钟", "半小时".
    public static func durationSeconds(_ words: [String]) -> Int? {
        var w = words
        if w.first == "for" { w.removeFirst() }
        // Mandarin: glue the unit characters back (分 钟 → 分钟, 小 时 → 小时).
        var glued: [String] = []
        for word in w {
            if let last = glued.last, ["分钟", "小时", "钟头"].contains(last + word) { glued[glued.count - 1] = last + word } else { glued.append(word) }
        }
        w = glued
        guard !w.isEmpty else { return nil }
        var total = 0.0
        var i = 0
        var parsedAny = false
        while i < w.count {
            if parsedAny, w[i] == "and" || w[i] == "又" {
                guard i + 1 < w.count else { return nil }
                i += 1; continue
            }
            // amount: longest prefix that reads as a number, or "half [a|an]"
            var amount: Double?
            var j = i
            if w[i] == "half" || w[i] == "半" {
                amount = 0.5; j = i + 1
                if j < w.count, w[j] == "a" || w[j] == "an" { j += 1 }
            } else if let (fraction, end) = quarters(w, from: i) {
                amount = fraction; j = end
            } else {
                var k = w.count
                while k > i {
                    if unitSeconds[w[k - 1]] == nil, let n = NumberWords.parse(w[i..<k]) { amount = n; j = k; break }
                    k -= 1
                }
                if amount == nil, w[i] == "a" || w[i] == "an" { amount = 1; j = i + 1 }
            }
            guard var a = amount, j < w.count else { return nil }
            // "two and a half hours"
            if j + 3 < w.count, w[j] == "and", w[j + 1] == "a", w[j + 2] == "half" { a += 0.5; j += 3 }
            if w[j] == "个" { j += 1; guard j < w.count else { return nil } }
            if w[j] == "半", j + 1 < w.count, unitSeconds[w[j + 1]] != nil { a += 0.5; j += 1 }  // 一个半小时
            guard let unit = unitSeconds[w[j]] else { return nil }
            j += 1
            // "an hour and a half"
            if j + 2 < w.count, w[j] == "and", w[j + 1] == "a", w[j + 2] == "half" { a += 0.5; j += 3 }
            if j < w.count, w[j] == "半" { a += 0.5; j += 1 }  // 一小时半
            total += a * unit
            parsedAny = true
            i = j
        }
        guard parsedAny, total >= 0, total < 1e9 else { return nil }
        return Int(total.rounded())
    }

    /// "a quarter of an", "three quarters of a": the fraction and where the unit starts.
    static func quarters(_ w: [String], from i: Int) -> (Double, Int)? {
        var k = i, count = 1.0
        if k < w.count, w[k] == "a" { k += 1 } else if k < w.count, let n = NumberWords.parse([w[k]]), n >= 1, n <= 3 { count = n; k += 1 }
        guard k + 1 < w.count, w[k] == "quarter" || w[k] == "quarters", w[k + 1] == "of" else { return nil }
        k += 2
        if k < w.count, w[k] == "a" || w[k] == "an" { k += 1 }
        return (count / 4, k)
    }

    // MARK: Dates

    /// A date with its year, as `YYYY-MM-DD` (or `YYYY-MM` for a month): written ("2024 07 04", the words of
    /// "2024-07-04"; "2024 07") or said ("july 4 2024", "the 4th of july 2024", "may 2024"). `year` is the year when
    /// the words give none (the other end of a range); without either, nil: "march 3" is dateSpec's "march_3".
    static func calendarDate(_ words: [String], year fallbackYear: Int? = nil) -> String? {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        func year(_ word: String) -> Int? {
            guard word.count == 4, let y = Int(word), (1900...2200).contains(y) else { return nil }
            return y
        }
        var w = words
        if (2...3).contains(w.count), let y = year(w[0]), w[1].count == 2, let m = Int(w[1]), (1...12).contains(m) {
            if w.count == 2 { return "\(y)-\(two(m))" }
            guard w[2].count <= 2, let d = Int(w[2]), (1...31).contains(d) else { return nil }
            return "\(y)-\(two(m))-\(two(d))"
        }
        var y = fallbackYear
        if let last = w.last, let given = year(last) {
            y = given
            w.removeLast()
        }
        guard let y, let i = w.firstIndex(where: { DateRange.monthNames.contains($0) }),
              let month = DateRange.monthNames.firstIndex(of: w[i]) else { return nil }
        w.remove(at: i)
        w.removeAll { $0 == "the" || $0 == "of" }
        if w.isEmpty { return "\(y)-\(two(month + 1))" }
        guard let d = NumberWords.parseOrdinal(w), (1...31).contains(d) else { return nil }
        return "\(y)-\(two(month + 1))-\(two(d))"
    }

    /// A range of calendar dates (``calendarDate(_:year:)``) as `FROM/TO`: "[between] X and Y", "[from] X to Y",
    /// "X through Y", "X until Y"; the first takes the second's year when it says none.
    static func calendarRange(_ words: [String]) -> String? {
        var w = words
        if w.first == "between" { w.removeFirst() }
        guard let cut = w.firstIndex(where: { ["and", "to", "through", "thru", "until", "till"].contains($0) }),
              cut > 0, cut < w.count - 1, let to = calendarDate(Array(w[(cut + 1)...])),
              let from = calendarDate(Array(w[..<cut]), year: Int(to.prefix(4))), from <= to else { return nil }
        return "\(from)/\(to)"
    }

    /// A ``DateRange`` spec from words: "today", "yesterday", "last week", "this month", "in March",
    /// "last 3 days", "the past week", "3 days ago", "2024", "今天", "昨天", "上周", "三月".
    public static func dateSpec(_ words: [String]) -> String? {
        var w = words
        while let f = w.first, ["in", "from", "during", "on", "of", "since", "taken", "for"].contains(f) { w.removeFirst() }
        if w.first == "the" { w.removeFirst() }
        guard !w.isEmpty else { return nil }
        // Calendar dates as written or said in full ("2024-07-04", "may 2024", "june 1st 2024"), and ranges of them
        // ("between june 1 and june 10 2024", "from 2024-06-01 to 2024-06-03").
        if let range = calendarRange(w) { return range }
        if let date = calendarDate(w) { return date }
        let s = w.joined(separator: " ")
        switch s {
        case "today", "tonight", "this morning", "this afternoon", "this evening": return "today"
        case "yesterday", "last night", "yesterday morning", "yesterday evening": return "yesterday"
        case "tomorrow": return "tomorrow"
        case "this week": return "this_week"
        case "last week", "previous week": return "last_week"
        case "next week": return "next_week"
        case "past week": return "last_7_days"
        case "this month": return "this_month"
        case "last month", "previous month": return "last_month"
        case "past month": return "last_30_days"
        case "this year": return "this_year"
        case "last year", "previous year": return "last_year"
        case "今 天": return "today"
        case "昨 天": return "yesterday"
        case "明 天": return "tomorrow"
        case "这 周", "本 周", "这 个 星 期": return "this_week"
        case "上 周", "上 个 星 期", "上 星 期": return "last_week"
        case "这 个 月", "本 月": return "this_month"
        case "上 个 月": return "last_month"
        case "今 年": return "this_year"
        case "去 年": return "last_year"
        default: break
        }
        if w.count == 1, let m = DateRange.monthNames.firstIndex(of: w[0]) { return DateRange.monthNames[m] }
        // Weekdays: "monday", "last monday", "on monday".
        if let last = w.last, DateRange.weekdayNames.contains(last), w.count == 1 || (w.count == 2 && w[0] == "last") {
            return last
        }
        // "march 3rd", "march the third", "the 3rd of march", "3 march".
        if let m = w.firstIndex(where: { DateRange.monthNames.contains($0) }), w.count >= 2 {
            var rest = w
            rest.remove(at: m)
            if rest.first == "the" { rest.removeFirst() }
            if rest.last == "of" { rest.removeLast() }
            if rest.first == "the" { rest.removeFirst() }
            if let d = NumberWords.parseOrdinal(rest), (1...31).contains(d) { return "\(w[m])_\(d)" }
        }
        if w.count == 1, let short = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].firstIndex(of: w[0]) {
            return DateRange.monthNames[short]
        }
        if w.last == "月", w.count >= 2, let m = NumberWords.parseInt(w.dropLast()), (1...12).contains(m) {
            return DateRange.monthNames[m - 1]
        }
        if w.count == 1, let year = Int(w[0]), (1900...2200).contains(year) { return String(year) }
        // A spec written as such ("last_week"); a bare number ("video 41", "the 10 most recent") is no date.
        if w.count == 1, Int(w[0]) == nil, DateRange.isValidSpec(w[0]) { return w[0] }
        // "last 3 days", "past ten days"
        if w.count >= 3, w[0] == "last" || w[0] == "past", w.last == "days", let n = NumberWords.parseInt(w[1..<(w.count - 1)]), n > 0 {
            return "last_\(n)_days"
        }
        // "3 days ago"
        if w.count >= 3, w.last == "ago", w[w.count - 2] == "days" || w[w.count - 2] == "day",
           let n = NumberWords.parseInt(w[..<(w.count - 2)]), n >= 0 {
            return "\(n)_days_ago"
        }
        return nil
    }
}
