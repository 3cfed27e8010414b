import RelayKit

/// The ways people say values of each parameter kind, as speech-grammar alternatives.
///
/// A grammar-constrained recognizer can only hear what its grammar lists, so typed slots get closed lists
/// of common values ("ten minutes", "seven thirty", "fifty percent"); the text skill's slot parsers read
/// them back. Free text (names, bodies) is not listed: it becomes a free-text slot.
enum SpokenValues {
    static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                       "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// Numbers people say for counts and ids: 1...20, then tens.
    static let common: [Int] = Array(0...20) + [25, 30, 40, 50, 60, 70, 80, 90, 100]

    /// "twenty five", "one hundred", for 0...999.
    static func spell(_ n: Int) -> String {
        if n < 20 { return ones[n] }
        if n < 100 { return tens[n / 10] + (n % 10 == 0 ? "" : " " + ones[n % 10]) }
        let rest = n % 100
        return ones[n / 100] + " hundred" + (rest == 0 ? "" : " " + spell(rest))
    }

    /// Sayable values of a slot of `kind`, or nil when it is free text.
    static func values(for kind: ParameterKind, entityNames: EntityNames) -> [String]? {
        switch kind {
        case .string, .text:
            return nil
        case .boolean:
            return ["on", "off"]
        case .choice(let choices):
            return choices.flatMap { $0.names(language: "en") }
        case .integer(let lo, let hi):
            let values = common.filter { $0 >= max(lo ?? 0, 0) && $0 <= (hi ?? 100) }
            return values.isEmpty ? [spell(max(lo ?? 0, 0))] : values.map(spell)
        case .number(let lo, let hi):
            let values = common.filter { Double($0) >= max(lo ?? 0, 0) && Double($0) <= (hi ?? 100) }
            return values.isEmpty ? [spell(Int(max(lo ?? 0, 0)))] : values.map(spell)
        case .percentage:
            // Multiples of five and the small numbers: a grammar of every value 0...100 in every slot slowed
            // decoding several times over for little gain.
            return Array(Set((0...20).map { $0 } + stride(from: 25, through: 100, by: 5).map { $0 })).sorted().map { spell($0) + " [percent]" }
        case .duration:
            let counts = Array(2...20) + [25, 30, 40, 45, 50, 60, 90]
            var out = ["(a | one) (second | minute | hour)", "half an hour", "an hour and a half", "a minute and a half"]
            out.append("(" + counts.map(spell).joined(separator: " | ") + ") (seconds | minutes | hours)")
            return out
        case .timeOfDay:
            let hours = "(" + (1...12).map(spell).joined(separator: " | ") + ")"
            let minutes = "(oh five | ten | fifteen | twenty | twenty five | thirty | forty | forty five | fifty | fifty five | oh clock)"
            let part = "[a m | p m | in the morning | in the afternoon | in the evening]"
            return ["\(hours) [\(minutes)] \(part)", "(quarter | half) past \(hours) \(part)", "quarter to \(hours) \(part)",
                    "noon", "midnight"]
        case .date:
            return ["today", "yesterday", "tomorrow", "this week", "last week", "this month", "last month", "this year",
                    "last year", "the past week",
                    "(january | february | march | april | may | june | july | august | september | october | november | december)",
                    "[the] last (two | three | four | five | six | seven | ten | fourteen | thirty) days"]
        case .entity(let kind):
            return entityNames[kind.name] ?? []
        }
    }
}
