import Foundation
import RelayJSON
import RelayLanguage

/// Values a loose reading leaves out although the words state them.
///
/// A template spells out where each value goes; people put values where no template has them ("add **all** of
/// yesterday's pictures to Family", "read my **last 3** messages from Bob", "a 3 min timer **for the eggs**"). Once a
/// reading is chosen, the parameters it left unset are read from the words by what they mean (``ParameterRole``) and,
/// for a template reading, by their type (dates, choices, live names) as the encoder stage reads them. A value is taken
/// only when the words state exactly one; nothing is guessed.
extension CommandMatcher {
    /// `match` with the values the words state for parameters it left unset.
    func completed(_ match: CommandMatch, tokens: [Token], text: String, entityNames: EntityNames) -> CommandMatch {
        guard let action = actions.first(where: { $0.name == match.call.name }) else { return match }
        let words = tokens.map(\.text)
        let reader = SlotReader(entityNames: entityNames)
        var arguments = match.call.arguments
        let byEncoder = match.template.hasPrefix("≈")
        let named = Self.namedWords(words, entityNames: entityNames)
        let item = Self.itemNumber(words, of: action, reader: reader)
        // Live names are looked for outside file paths ("~/Downloads/trip" names no album).
        let unpathed = Self.outsidePaths(tokens, text: text)
        for p in action.parameters where arguments[p.name] == nil {
            var value: JSONValue?
            switch p.role {
            case .item?:
                if item?.parameter == p.name { value = item?.value }
            case .count?:
                value = Self.count(words, excluding: named.union(item?.words ?? [])).flatMap { n in
                    action.read([String(n)], original: String(n), for: p, with: reader)
                }
            case .every?:
                value = Self.asksForEvery(words, arguments: arguments, of: action) ? .bool(true) : nil
            case .label?:
                value = Self.label(tokens, text: text, for: action, reader: reader, given: arguments)
            case .offset?:
                value = Self.oneDuration(words, asOffset: true).map { .int($0) }
            case .phoneNumber?:
                continue  // withPhoneNumber(_:text:), for exact readings too
            case nil where p.kind == .boolean && !p.isRequired:
                // An option the words name ("keep a **copy**", "**unread** ones only"); a switch's on/off never.
                value = Self.optionSaid(p, in: words).map { .bool($0) }
            case nil where p.kind.isDuration:
                // A length: the one time said as no point in a recording ("20 seconds of it", "for 45 secs").
                value = Self.oneDuration(words, asOffset: false).flatMap { action.read([String($0), "seconds"], original: "\($0) seconds", for: p, with: reader) }
            case nil:
                // The encoder stage has scanned these already.
                guard !byEncoder else { continue }
                switch p.kind {
                case .date, .choice, .entity: value = scan(p, of: action, words: words, tokens: tokens, text: text, reader: reader)
                // A free string named after a kind of live thing: the one such name the words say ("import … and put
                // them in Trip").
                case .string: value = Self.liveName(of: p, in: unpathed, indexes: reader.entityIndexes)
                default: continue
                }
            }
            if let value { arguments[p.name] = value }
        }
        // A label said outright ("… called take pills") is the label, whatever a loose alignment made of other words.
        for p in action.parameters where p.role == .label && arguments[p.name] != nil {
            if let said = Self.explicitLabel(tokens, text: text, for: action, reader: reader, given: arguments) { arguments[p.name] = said }
        }
        // A name said outright ("a new notebook, **name it** Books", "the Trip album **to be called** Italy") is the name,
        // whatever a loose alignment made of other words ("photo" for "create a photo album Garden" stays: no marker).
        for p in action.parameters where p.role == nil && !p.isPath && p.name.hasSuffix("name") {
            guard case .string = p.kind, let said = Self.explicitName(tokens, text: text, for: p, of: action, reader: reader) else { continue }
            arguments[p.name] = said
        }
        Self.optionsForLabels(&arguments, of: action)
        // Free text after a colon is the text: words before it that are the command's own ("put a note in my Shopping
        // notebook: eggs, bread") are not part of it.
        for p in action.parameters where p.kind == .text {
            if case .string(let value)? = arguments[p.name],
               let said = Self.textAfterColon(value, action: action, entityNames: entityNames) { arguments[p.name] = .string(said) }
            if case .string(let value)? = arguments[p.name], let said = Self.textAfterItsIntroduction(value, action: action) {
                arguments[p.name] = .string(said)
            }
        }
        // One item named by its number is the whole selection: its noun was no kind, its number no count.
        if let item, arguments[item.parameter] == item.value {
            Self.dropValuesOnlyTheItemStates(&arguments, item: item, words: words, action: action, reader: reader)
        } else if item == nil, action.parameters.contains(where: { $0.role == .count && arguments[$0.name] != nil }) {
            // A number no item noun names ("add the newest 2 to Family") is the count, not also an item.
            for p in action.parameters { if case .item? = p.role { arguments[p.name] = nil } }
        }
        return Self.with(arguments, in: match, of: action)
    }

    /// The words of `tokens`, with those inside a file path ("~/Downloads/**trip**", "/media/usb/**wedding**") left
    /// empty: a path's folders name no album or contact.
    static func outsidePaths(_ tokens: [Token], text: String) -> [String] {
        let paths = FilePathText.pieces(in: text).compactMap { text.range(of: $0) }
        guard !paths.isEmpty else { return tokens.map(\.text) }
        return tokens.map { t in paths.contains { $0.contains(t.range.lowerBound) } ? "" : t.text }
    }

    /// `match` with `arguments`, in the order of the action's parameters; `match` itself when they are its own.
    static func with(_ arguments: JSONObject, in match: CommandMatch, of action: CompiledAction) -> CommandMatch {
        guard arguments != match.call.arguments else { return match }
        var ordered = JSONObject()
        for p in action.parameters { if let v = arguments[p.name] { ordered[p.name] = v } }
        var out = match
        out.call = ToolCall(name: match.call.name, arguments: ordered)
        return out
    }

    /// Whether the words ask for every item: "all", "every", … said, and no number or item chosen already ("all 3",
    /// "photo 5" are that selection, not every item).
    static func asksForEvery(_ words: [String], arguments: JSONObject, of action: CompiledAction) -> Bool {
        let selects = action.parameters.contains { q in
            if case .integer = q.kind, arguments[q.name] != nil { return true }
            return false
        }
        return !selects && saysEvery(words)
    }

    /// An exact reading with the offset its words state and it left unset: a path slot reads the words after the path
    /// as part of its span ("point the camera at x.mp4 **starting at 30 seconds**").
    func withOffset(_ match: CommandMatch, words: [String]) -> CommandMatch {
        guard let action = actions.first(where: { $0.name == match.call.name }),
              let p = action.parameters.first(where: { $0.role == .offset && match.call.arguments[$0.name] == nil }),
              let seconds = Self.oneDuration(words, asOffset: true) else { return match }
        var out = match
        out.call.arguments[p.name] = .int(seconds)
        return out
    }

    /// A reading of an action with a phone number parameter, with the one number the text states in it and out of every
    /// other string ("save Lisa Park, number 555-0142": the name slot read the number too). A name left empty is asked
    /// for.
    func withPhoneNumber(_ match: CommandMatch, text: String) -> CommandMatch {
        guard let action = actions.first(where: { $0.name == match.call.name }),
              let p = action.parameters.first(where: { $0.role == .phoneNumber }),
              let number = Self.phoneNumber(in: text) else { return match }
        var out = match
        out.call.arguments[p.name] = .string(number)
        for q in action.parameters where q.name != p.name {
            guard case .string = q.kind, case .string(let value)? = out.call.arguments[q.name] else { continue }
            let digits = number.filter(\.isNumber)
            guard value.contains(where: \.isNumber), let cut = value.firstIndex(where: { "+(0123456789".contains($0) }),
                  digits.hasPrefix(value[cut...].filter(\.isNumber).prefix(3)) else { continue }
            var words = TextNormalizer.words(String(value[..<cut]))
            while let last = words.last, Self.numberJoiners.contains(last) { words.removeLast() }
            // The name as said, up to its last word.
            if let last = words.last, let end = value.range(of: last, options: [.caseInsensitive, .backwards], range: value.startIndex..<cut) {
                var name = String(value[..<end.upperBound])
                if name.lowercased().hasPrefix("number ") || name.lowercased().hasPrefix("phone ") { name = "" }
                out.call.arguments[q.name] = name.isEmpty ? nil : .string(name)
            } else {
                out.call.arguments[q.name] = nil
            }
            if out.call.arguments[q.name] == nil, q.isRequired { out.missing.append(q.name) }
        }
        return out
    }

    /// Words that join a name to its number ("Lisa Park, **number** 555-0142", "Dr. Miller **at** 020 …").
    static let numberJoiners: Set<String> = ["number", "numbers", "phone", "mobile", "cell", "at", "on", "with", "his", "her",
                                             "their", "is", "s", "the", "and", "tel"]

    /// The one phone number `text` states: a run of digits with spaces, dashes, dots or brackets, or a leading "+", of
    /// seven digits or more. Nil when it states none or several.
    static func phoneNumber(in text: String) -> String? {
        var runs: [String] = [], current = ""
        func close() {
            let run = current.trimmingCharacters(in: CharacterSet(charactersIn: " -.()"))
            if run.filter(\.isNumber).count >= 7 { runs.append(run) }
            current = ""
        }
        for c in text {
            if c.isNumber || (c == "+" && current.trimmingCharacters(in: .whitespaces).isEmpty) || (!current.isEmpty && " -.()".contains(c)) {
                current.append(c)
            } else {
                close()
            }
        }
        close()
        return runs.count == 1 ? runs[0] : nil
    }

    /// The one time in seconds the words state as a point in a recording (`asOffset`: "starting at 45 seconds", "from
    /// the 2 minute mark", "2 minutes in") or as a length (otherwise); nil when they state none or several.
    static func oneDuration(_ words: [String], asOffset: Bool) -> Int? {
        let units = ExamplePhrasing.units
        var found: [(lo: Int, hi: Int, seconds: Int)] = []
        for lo in words.indices {
            for hi in stride(from: min(words.count, lo + 4), to: lo, by: -1) where units.contains(words[hi - 1]) {
                // "1 minute 20 seconds" is one time; "45 seconds, 20 seconds long" two (a unit said twice).
                let said = words[lo..<hi].filter(units.contains).map { $0.prefix(3) }
                guard Set(said).count == said.count else { continue }
                if let s = SlotParsers.durationSeconds(Array(words[lo..<hi])) { found.append((lo, hi, s)); break }
            }
        }
        // The longest readings only: "2 minute" rather than its "minute".
        let maximal = found.filter { f in !found.contains { $0.lo <= f.lo && $0.hi >= f.hi && ($0.hi - $0.lo) > (f.hi - f.lo) } }
        let said = maximal.filter { saidAsOffset(words, lo: $0.lo, hi: $0.hi) == asOffset }
        return said.count == 1 ? said[0].seconds : nil
    }

    /// Whether the time at `lo..<hi` is said as a point in a recording: after "at", "from", "starting" ("from the 2
    /// minute mark") or before "in", "into", "mark" ("2 minutes in").
    static func saidAsOffset(_ words: [String], lo: Int, hi: Int) -> Bool {
        var k = lo
        while k > 0, ["the", "a"].contains(words[k - 1]) { k -= 1 }
        if k > 0, ["at", "from", "starting", "start", "starts", "after"].contains(words[k - 1]) { return true }
        return hi < words.count && ["in", "into", "mark"].contains(words[hi])
    }

    /// Which words are part of a live name ("Vacation **2024**"): a number there counts nothing.
    static func namedWords(_ words: [String], entityNames: EntityNames) -> Set<Int> {
        var out = Set<Int>()
        for name in entityNames.values.joined() {
            let n = TextNormalizer.words(name)
            guard !n.isEmpty, n.count <= words.count else { continue }
            for lo in 0...(words.count - n.count) where Array(words[lo..<(lo + n.count)]) == n {
                out.formUnion(lo..<(lo + n.count))
            }
        }
        return out
    }

    /// What follows the first ": " of a free-text value, when the words before it include the action's own words or a
    /// live name ("in my Shopping notebook: eggs" → "eggs"); nil otherwise ("reminder: buy milk" stays whole).
    static func textAfterColon(_ value: String, action: CompiledAction, entityNames: EntityNames) -> String? {
        guard let colon = value.range(of: ": ") else { return nil }
        let before = TextNormalizer.words(String(value[..<colon.lowerBound]))
        let after = value[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !after.isEmpty else { return nil }
        let names = Set(entityNames.values.joined().flatMap { TextNormalizer.words($0) })
        return before.contains(where: { action.vocabulary.contains($0) || names.contains($0) }) ? after : nil
    }

    /// What a free-text value says once the words that introduce it are gone: the command's own verb and noun with an
    /// article, then a lead-in (``FreeText/leadIns``: "saying", "that says", "that", …), "reading", a comma or a colon
    /// ("send bob **a message,** the meeting moved", "send Bob a **text reading** see you", "in Recipes, **add a note
    /// saying** add garlic"). Nil when the value does not start so, or nothing would be left ("a message for you" stays
    /// whole: no introducer).
    static func textAfterItsIntroduction(_ value: String, action: CompiledAction) -> String? {
        let tokens = TextNormalizer.tokens(value)
        var i = 0
        if i < tokens.count, action.leadingWords.contains(tokens[i].text) { i += 1 }
        let article = i < tokens.count && ["a", "an", "the", "my", "this"].contains(tokens[i].text)
        if article { i += 1 }
        guard article, i < tokens.count, action.vocabulary.contains(tokens[i].text) else { return nil }
        let noun = i
        i += 1
        var introduced = false
        // "reading" introduces a message only after its noun ("a text reading …"), not at the start of one.
        let reading = i < tokens.count && tokens[i].text == "reading" ? 1 : nil
        if let n = FreeText.leadInLength(tokens[i...].map(\.text)) ?? reading {
            introduced = true
            i += n
        }
        // A comma or colon right after the noun introduces what follows too.
        let afterNoun = value[tokens[noun].range.upperBound...]
        if !introduced, let mark = afterNoun.first(where: { !$0.isWhitespace }), ",:".contains(mark) { introduced = true }
        guard introduced, i < tokens.count else { return nil }
        var rest = String(value[tokens[i].range.lowerBound...]).trimmingCharacters(in: .whitespaces)
        while let first = rest.first, ",:".contains(first) { rest.removeFirst(); rest = rest.trimmingCharacters(in: .whitespaces) }
        return rest.isEmpty ? nil : rest
    }

    /// The item the words name by its number ("photo 12", "video number 7"): the parameter with the item role, its
    /// value and the words that say it. Nil when the words name none or several.
    static func itemNumber(_ words: [String], of action: CompiledAction, reader: SlotReader)
        -> (parameter: String, value: JSONValue, words: Set<Int>)? {
        for p in action.parameters {
            guard case .item(let nouns)? = p.role else { continue }
            var found: [(JSONValue, Set<Int>)] = []
            for (i, w) in words.enumerated() where nouns.contains(w) {
                var j = i + 1
                if j < words.count, words[j] == "number" || words[j] == "no" { j += 1 }
                guard j < words.count, let n = NumberWords.parseInt([words[j]]),
                      let v = action.read([String(n)], original: String(n), for: p, with: reader) else { continue }
                // "photo 3 minutes long", "the picture 2 days ago": a number with a unit is no item's.
                if j + 1 < words.count, units.contains(words[j + 1]) { continue }
                // "photo number 7" is one item: "number 7" inside it is the same one.
                if let last = found.last, last.1.contains(j) { continue }
                found.append((v, Set(i...j)))
            }
            if found.count == 1, let only = found.first { return (p.name, only.0, only.1) }
        }
        return nil
    }

    /// Removes the values of `arguments` that only the item's words state: a kind read from its noun ("video 8" is no
    /// "videos"), a count or "every". A value some other word states stays.
    static func dropValuesOnlyTheItemStates(_ arguments: inout JSONObject, item: (parameter: String, value: JSONValue, words: Set<Int>),
                                            words: [String], action: CompiledAction, reader: SlotReader) {
        for p in action.parameters where p.name != item.parameter {
            guard let v = arguments[p.name] else { continue }
            switch p.role {
            case .count?, .every?:
                arguments[p.name] = nil
            default:
                guard case .choice = p.kind else { continue }
                let elsewhere = words.indices.contains { i in
                    !item.words.contains(i) && action.read([words[i]], original: words[i], for: p, with: reader) == v
                }
                if !elsewhere { arguments[p.name] = nil }
            }
        }
    }

    /// How many items the words ask for: a number after "last", "latest", "newest", "most recent", "first" or "top",
    /// or before "newest"… or a plural noun ("5 photos"); never one with a unit ("3 days", "10 minutes"). Nil when the
    /// words state none or several.
    static func count(_ words: [String], excluding named: Set<Int>) -> Int? {
        var found = Set<Int>()
        for (i, w) in words.enumerated() where !named.contains(i) {
            guard let n = NumberWords.parseInt([w]), n > 0 else { continue }
            let next = i + 1 < words.count ? words[i + 1] : nil
            if let next, units.contains(next) { continue }
            let before = i > 0 ? words[i - 1] : nil
            if let before, orderWords.contains(before) { found.insert(n); continue }
            var j = i + 1
            while j < words.count, orderWords.contains(words[j]) || words[j] == "most" { j += 1 }
            if j > i + 1 { found.insert(n); continue }
            if let next, next.count > 3, next.hasSuffix("s"), !TemplateAligner.fillers.contains(next), n > 1 { found.insert(n) }
        }
        return found.count == 1 ? found.first : nil
    }

    static let orderWords: Set<String> = ["last", "latest", "newest", "recent", "first", "top", "previous"]
    static let units: Set<String> = [
        "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days",
        "week", "weeks", "month", "months", "year", "years", "percent", "am", "pm", "oclock", "times", "x",
    ]

    /// An exact template reading with what its template leaves out and every reading states outright: every item
    /// when "all" is said ("delete **all** videos from last week" deletes them all, not the newest one; the template had
    /// "all" as a filler word), and an option rather than a label of the same words ("show my **favourite** photos").
    func completedExactly(_ match: CommandMatch, words: [String]) -> CommandMatch {
        guard let action = actions.first(where: { $0.name == match.call.name }) else { return match }
        var arguments = match.call.arguments
        let fixed = action.templates.first { $0.text == match.template }?.fixed ?? [:]
        for p in action.parameters where p.role == .every && arguments[p.name] == nil && fixed[p.name] == nil {
            if Self.asksForEvery(words, arguments: arguments, of: action) { arguments[p.name] = .bool(true) }
        }
        Self.optionsForLabels(&arguments, of: action)
        return Self.with(arguments, in: match, of: action)
    }

    /// Whether the words name `option` (an optional boolean, e.g. `copy`, `unread_only`, `recently_deleted`): true when
    /// every word of its name but "only" is said in some form ("copying", "favourites"), false when a negation comes
    /// within three words before it ("**without** a copy"), nil when its name is not said.
    static func optionSaid(_ option: Parameter, in words: [String]) -> Bool? {
        let named = optionWords(option)
        guard !named.isEmpty else { return nil }
        let stems = words.map(stem)
        var first: Int?
        for w in named {
            guard let i = stems.firstIndex(of: w) else { return nil }
            first = min(first ?? i, i)
        }
        guard let first else { return nil }
        let before = words[max(0, first - 3)..<first]
        return !before.contains { ["not", "without", "no", "don't", "dont", "never", "nor"].contains($0) }
    }

    /// The stems of an option's name, less words that say nothing alone ("only").
    static func optionWords(_ option: Parameter) -> [String] {
        option.name.split(separator: "_").map { stem(String($0)) }.filter { !["only", "is", "use", "include"].contains($0) }
    }

    /// A word's plain form for comparing names: British spellings ("favourite", "colour") as American ones, and
    /// without a plural or "-ing" ("copies", "copying" → "copy").
    static func stem(_ word: String) -> String {
        var w = word.lowercased().replacingOccurrences(of: "our", with: "or")
        if w.hasSuffix("ing"), w.count > 5 { w.removeLast(3) }
        else if w.hasSuffix("ies"), w.count > 4 { w.removeLast(3); w += "y" }
        else if w.hasSuffix("s"), !w.hasSuffix("ss"), w.count > 3 { w.removeLast() }
        return w
    }

    /// A label that is the name of one of the action's options ("show my **favourite** photos" asks for favourites,
    /// not for photos labelled "favourite") sets the option instead.
    static func optionsForLabels(_ arguments: inout JSONObject, of action: CompiledAction) {
        for p in action.parameters where p.role == .label {
            guard case .string(let label)? = arguments[p.name] else { continue }
            let said = label.split(separator: " ").map { stem(String($0)) }
            for q in action.parameters where q.kind == .boolean && !q.isRequired && q.role == nil {
                let named = optionWords(q)
                guard !named.isEmpty, said == named else { continue }
                arguments[p.name] = nil
                arguments[q.name] = .bool(true)
            }
        }
    }

    /// Whether the words ask for every item: "all", "every", "each", "everything" ("all the way" is not one).
    static func saysEvery(_ words: [String]) -> Bool {
        for (i, w) in words.enumerated() {
            switch w {
            case "every", "each", "everything": return true
            case "all":
                if i + 2 < words.count, words[i + 1] == "the", words[i + 2] == "way" { continue }
                return true
            default: continue
            }
        }
        return false
    }

    /// The label the words give the thing: said outright ("called take pills", "labelled work"), as what it is for
    /// ("a timer for the eggs"), or as the word before the thing's noun ("the pasta timer").
    static func label(_ tokens: [Token], text: String, for action: CompiledAction, reader: SlotReader, given: JSONObject) -> JSONValue? {
        if let said = explicitLabel(tokens, text: text, for: action, reader: reader, given: given) { return said }
        let words = tokens.map(\.text)
        let noun = thingNoun(of: action)
        // "for the eggs", "for my run": at the end of a clause.
        for (i, w) in words.enumerated() where w == "for" && i + 2 < words.count && ["the", "my", "our"].contains(words[i + 1]) {
            let end = clauseEnd(tokens, text: text, from: i + 2)
            if let v = labelValue(tokens, i + 2, end, text: text, for: action, reader: reader, given: given) { return v }
        }
        // "the pasta timer", "my gym alarm": one word before the thing's noun.
        if let noun, let k = words.firstIndex(where: { $0 == noun || $0 == noun + "s" }), k > 0 {
            let w = words[k - 1]
            if !action.vocabulary.contains(w), !nonLabels.contains(w),
               let v = labelValue(tokens, k - 1, k, text: text, for: action, reader: reader, given: given) { return v }
        }
        // "landscape pictures", "red stuff", "yellow colour photos": the one word that describes the things asked for,
        // before a noun of the kinds the action takes.
        let nouns = Self.itemNouns(of: action)
        if let k = words.firstIndex(where: nouns.contains), k > 0 {
            var at = k - 1
            if ["colour", "color", "coloured", "colored"].contains(words[at]), at > 0 { at -= 1 }
            let w = words[at]
            if !action.vocabulary.contains(w), !nonLabels.contains(w),
               let v = labelValue(tokens, at, at + 1, text: text, for: action, reader: reader, given: given) { return v }
        }
        return nil
    }

    /// Nouns for the things an action selects: the spoken names of its choices' values that are things ("photos",
    /// "videos") and the words for anything ("stuff", "images").
    static func itemNouns(of action: CompiledAction) -> Set<String> {
        var nouns: Set<String> = ["stuff", "things", "ones", "images", "pictures", "pics", "shots"]
        for p in action.parameters where p.name == "kind" {
            guard case .choice(let choices) = p.kind else { continue }
            for c in choices {
                for name in [c.value] + (c.spoken["en"] ?? []) {
                    let w = TextNormalizer.words(name)
                    if w.count == 1 { nouns.insert(w[0]); nouns.insert(w[0] + "s") }
                }
            }
        }
        return nouns
    }

    /// A label after "called", "named", "labelled", "labeled", "titled" or "label" ("label it dinner"), or "call it" /
    /// "name it".
    static func explicitLabel(_ tokens: [Token], text: String, for action: CompiledAction, reader: SlotReader, given: JSONObject) -> JSONValue? {
        let words = tokens.map(\.text)
        for (i, w) in words.enumerated() where (labelMarkers.contains(w) || ["call", "name"].contains(w)) && i + 1 < words.count {
            // "labelled as gym", "label it dinner", "call it Movies": the name follows.
            if !labelMarkers.contains(w) && words[i + 1] != "it" { continue }
            let start = ["as", "it"].contains(words[i + 1]) ? i + 2 : i + 1
            guard start < words.count else { continue }
            if let v = labelValue(tokens, start, clauseEnd(tokens, text: text, from: start), text: text, for: action,
                                  reader: reader, given: given) { return v }
        }
        return nil
    }

    /// A name after "called", "named", "titled", "name it", "call it" ("… to be called Italy"): at most five words up to
    /// the end of its clause, no determiner or quantifier inside, nothing another parameter reads.
    static func explicitName(_ tokens: [Token], text: String, for p: Parameter, of action: CompiledAction, reader: SlotReader) -> JSONValue? {
        let words = tokens.map(\.text)
        for (i, w) in words.enumerated() where i + 1 < words.count {
            let start: Int
            switch w {
            case "called", "named", "titled": start = i + 1
            case "call" where words[i + 1] == "it", "name" where words[i + 1] == "it": start = i + 2
            default: continue
            }
            guard start < words.count else { continue }
            let end = clauseEnd(tokens, text: text, from: start)
            let said = Array(words[start..<end])
            guard !said.isEmpty, said.count <= 5, !said.contains(where: labelBreakers.contains),
                  !(said.count > 1 && said.first == "the") else { continue }
            let original = String(text[tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound])
            let others = action.parameters.filter { $0.name != p.name && $0.kind != .text && !($0.kind == .string) }
            if others.contains(where: { action.read(said, original: original, for: $0, with: reader) != nil }) { continue }
            return action.read(said, original: original, for: p, with: reader)
        }
        return nil
    }

    static let labelMarkers: Set<String> = ["called", "named", "labelled", "labeled", "titled", "label", "tagged"]
    /// Words before a thing's noun that describe it without naming it ("a new alarm", "a quick timer").
    static let nonLabels: Set<String> = TemplateAligner.fillers.union([
        "new", "quick", "short", "long", "another", "next", "other", "same", "second", "first", "last", "one", "single",
        "daily", "morning", "evening", "night", "this", "that", "these", "those", "your", "our", "his", "her", "their",
        "latest", "newest", "recent", "oldest", "earliest", "old", "all", "any", "some", "more", "many", "few", "best",
        "good", "nice", "great", "deleted", "selected", "shared", "own", "favorite", "favourite", "other", "which", "what",
        // A verb's particle ("pull **up** videos") or an object pronoun describes nothing.
        "up", "down", "out", "off", "on", "back", "over", "me", "us", "them", "it",
    ])

    /// The noun of the thing an action works on, from its name ("clock.set_timer": timer).
    static func thingNoun(of action: CompiledAction) -> String? {
        action.name.split(separator: ".").last?.split(separator: "_").last.map(String.init)
    }

    /// Where the clause that starts at word `i` ends: at sentence punctuation, or at a word that starts another part
    /// of the sentence ("at 7", "every day", "please").
    static func clauseEnd(_ tokens: [Token], text: String, from i: Int) -> Int {
        var j = i
        while j < tokens.count {
            if j > i, Mood.punctuationBefore(j, in: tokens, text: text) || labelStops.contains(tokens[j].text) { break }
            j += 1
        }
        return j
    }

    static let labelStops: Set<String> = ["at", "for", "on", "every", "each", "daily", "in", "to", "and", "please", "from",
                                          "with", "that", "tomorrow", "tonight", "today", "starting", "weekdays", "weekends"]

    /// Words `lo..<hi` as a label: at most four words, no number, nothing another parameter of the action reads.
    static func labelValue(_ tokens: [Token], _ lo: Int, _ hi: Int, text: String, for action: CompiledAction,
                           reader: SlotReader, given: JSONObject) -> JSONValue? {
        guard lo < hi else { return nil }
        let words = tokens[lo..<hi].map(\.text)
        guard isLabel(words, for: action, reader: reader) else { return nil }
        let original = String(text[tokens[lo].range.lowerBound..<max(tokens[lo].range.lowerBound, tokens[hi - 1].range.upperBound)])
        guard let label = action.parameters.first(where: { $0.role == .label }) else { return nil }
        return action.read(words, original: original, for: label, with: reader)
    }
}
