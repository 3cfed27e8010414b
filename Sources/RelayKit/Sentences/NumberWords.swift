/// Reads numbers said in words or digits: "twenty five", "one hundred and five", "25", "2.5",
/// "two point five", "a hundred", Mandarin "二十五", "两", "三点五".
public enum NumberWords {
    static let units: [String: Int] = [
        "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
        "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    ]
    static let zhDigits: [String: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// Every English word that says a number or part of one ("twenty", "third", "hundred", "point").
    static var words: Set<String> {
        Set(units.keys).union(tens.keys).union(ordinals.keys).union(["hundred", "thousand", "point", "minus", "negative", "and", "half", "quarter"])
    }

    /// The number the words say, or nil unless *all* of them form one number.
    public static func parse<C: Collection>(_ words: C) -> Double? where C.Element == String {
        let w = Array(words)
        guard !w.isEmpty else { return nil }
        if w.count == 1, let d = Double(w[0]), d.isFinite { return d }
        if w.count == 2, w[0] == "minus" || w[0] == "negative", let v = parse(w[1...]) { return -v }
        if let zh = parseMandarin(w) { return zh }
        if let i = w.firstIndex(of: "point") {
            guard let whole = i == 0 ? 0 : parseInteger(w[..<i]) else { return nil }
            let fraction = w[(i + 1)...]
            guard !fraction.isEmpty else { return nil }
            var digits = ""
            for f in fraction {
                if let u = units[f], u < 10, f != "a", f != "an" { digits += String(u) }
                else if f.allSatisfy(\.isNumber) { digits += f } else { return nil }
            }
            return Double("\(whole).\(digits)")
        }
        return parseInteger(w[...]).map(Double.init)
    }

    /// A whole number, or nil.
    public static func parseInt<C: Collection>(_ words: C) -> Int? where C.Element == String {
        guard let d = parse(words), d == d.rounded(), abs(d) < 1e15 else { return nil }
        return Int(d)
    }

    /// An ordinal ("third", "3rd", "twenty first") or a cardinal, as an integer.
    public static func parseOrdinal<C: Collection>(_ words: C) -> Int? where C.Element == String {
        var w = Array(words)
        guard !w.isEmpty else { return nil }
        if w.count == 2, ["st", "nd", "rd", "th"].contains(w[1]), let n = Int(w[0]) { return n }
        if let last = w.last, let o = ordinals[last] {
            w.removeLast()
            if w.isEmpty { return o }
            if w.count == 1, let t = tens[w[0]] { return t + o }
            return nil
        }
        return parseInt(w)
    }

    static func parseInteger(_ w: ArraySlice<String>) -> Int? {
        guard !w.isEmpty else { return nil }
        if w.count == 1, let i = Int(w[w.startIndex]) { return i }
        var total = 0
        var current = 0
        var sawNumber = false
        var lastWasUnit = false
        var lastWasTen = false
        for (k, word) in w.enumerated() {
            if word == "and" {
                guard sawNumber, k != w.count - 1 else { return nil }
                continue
            }
            if let u = units[word] {
                // "a"/"an" only as a leading multiplier: "a hundred"
                if (word == "a" || word == "an") && (sawNumber || w.count == 1) { return nil }
                if lastWasUnit { return nil }
                if lastWasTen && u >= 10 { return nil }
                current += u
                lastWasUnit = true; lastWasTen = false
            } else if let t = tens[word] {
                if lastWasUnit || lastWasTen || current % 100 != 0 && current >= 10 { return nil }
                current += t
                lastWasTen = true; lastWasUnit = false
            } else if word == "hundred" {
                current = (current == 0 ? 1 : current) * 100
                lastWasUnit = false; lastWasTen = false
            } else if word == "thousand" || word == "million" {
                let m = word == "thousand" ? 1000 : 1_000_000
                total += (current == 0 ? 1 : current) * m
                current = 0
                lastWasUnit = false; lastWasTen = false
            } else if let i = Int(word), !sawNumber, w.count == 1 {
                return i
            } else {
                return nil
            }
            sawNumber = true
        }
        return sawNumber ? total + current : nil
    }

    /// Mandarin numerals, one character per token: 五, 十五, 二十五, 一百零五, 三点五, 两.
    static func parseMandarin(_ w: [String]) -> Double? {
        guard w.allSatisfy({ zhDigits[$0] != nil || ["十", "百", "千", "万", "点"].contains($0) }) else { return nil }
        if let p = w.firstIndex(of: "点") {
            guard let whole = parseMandarin(Array(w[..<p])), p + 1 < w.count else { return nil }
            let digits = w[(p + 1)...].compactMap { zhDigits[$0] }.map(String.init).joined()
            guard digits.count == w.count - p - 1 else { return nil }
            return Double("\(Int(whole)).\(digits)")
        }
        var total = 0, section = 0, digit = 0
        for c in w {
            if let d = zhDigits[c] { digit = d; continue }
            let m = ["十": 10, "百": 100, "千": 1000, "万": 10000][c]!
            if m == 10000 {
                total += (section + digit) * m; section = 0
            } else {
                section += (digit == 0 ? 1 : digit) * m
            }
            digit = 0
        }
        return Double(total + section + digit)
    }
}
