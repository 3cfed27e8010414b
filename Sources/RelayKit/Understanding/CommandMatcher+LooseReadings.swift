import Foundation
import RelayJSON
import RelayLanguage

/// What a loose template reading (one that is not an exact match) must agree with.
///
/// A loose alignment takes words it cannot place for extra words at a cost, and a wildcard slot takes what is left. So a
/// template can read an utterance that asks something else: "please delete notebook Ideas" aligned with "create a
/// notebook {name}" (the verb taken for an extra word), "did I set an alarm for tomorrow" with "set an alarm for
/// {label}", "show me the 5 newest videos" with "show my {label} {kind}". The same rules the encoder stage applies to
/// its readings decide here: the leading verb tells a subsystem's actions apart, a question about the past changes nothing, and a label
/// is a short name that no other parameter reads.
extension CommandMatcher {
    /// Whether a loose reading of `words` as `match` agrees with what the words say.
    func looseReadingHolds(_ match: CommandMatch, words: [String]) -> Bool {
        guard !match.isExact, let action = actions.first(where: { $0.name == match.call.name }) else { return true }
        // "did I…" asks what happened: nothing is to be changed.
        if match.permission != .read, words.first == "did" { return false }
        if Self.asksAboutTheWorld(words, action: action) { return false }
        // A change led by a word no action knows is that change only in the place of its template's verb ("include
        // photo 7 in Trip" for "add …"): "wipe the alarm at 8 pm" is no "alarm at {time}" with an extra word, and "that
        // was a mistake, undo it" no "note that {text}". The encoder stage reads them instead. (Another action's verb
        // may be an idiom, below; the encoder checks it.)
        if match.permission != .read, let first = words.first(where: { !TemplateAligner.fillers.contains($0) }),
           !action.vocabulary.contains(first), !verbs.contains(first), !Self.lightVerbs.contains(first), NumberWords.parse([first]) == nil {
            // Extra words before the template's own start are no synonym of its verb.
            let start = action.templates.first { $0.text == match.template }?.leadingWords ?? []
            if Mood.finiteVerbs.contains(first) || words.drop(while: { $0 != first }).dropFirst().contains(where: start.contains) { return false }
        }
        // A level set with a verb that also moves it by steps is a level only when said after "to" or "at" ("raise
        // the volume to 65"); otherwise it is the step ("increase brightness 25 percent").
        if action.parameters.contains(where: { if case .percentage = $0.kind { $0.isRequired } else { false } }),
           saysAStep(words) { return false }
        // A leading word the template knows ("new contact Tom Lee": [new]) is the template's own.
        guard let verb = leadingVerb(words), !action.vocabulary.contains(verb) else { return true }
        // A verb only reads use ("show", "check") may lead any read.
        if actions.allSatisfy({ !$0.leadingWords.contains(verb) || $0.permission == .read }) { return action.permission == .read }
        return verbFits(verb, action)
    }

    /// Whether the words are led by a verb that moves a level by steps ("increase", "raise", "dim") and state their
    /// number without "to" or "at" before it ("increase brightness 25 percent"): a step, not a level to set.
    func saysAStep(_ words: [String]) -> Bool {
        guard let verb = leadingVerb(words), actions.contains(where: { action in
            action.leadingWords.contains(verb) && action.parameters.contains { if case .percentage = $0.kind { !$0.isRequired } else { false } }
        }) else { return false }
        // A value that leads ("**brightness** 30 percent please") is no verb.
        let isAValue = actions.contains { action in
            action.parameters.contains { p in
                guard case .choice(let choices) = p.kind else { return false }
                return choices.contains { $0.value == verb }
            }
        }
        guard !isAValue else { return false }
        guard let k = words.firstIndex(where: { NumberWords.parse([$0]) != nil }) else { return false }
        return k == 0 || !["to", "at"].contains(words[k - 1])
    }

    /// Whether `verb` may lead a reading as `action`: among one subsystem's actions the verb tells them apart ("delete"
    /// a notebook is not "create" one); another subsystem's verb may be an idiom here ("shoot Anna a message").
    func verbFits(_ verb: String, _ action: CompiledAction) -> Bool {
        let subsystem = Self.subsystem(of: action.name)
        return action.leadingWords.contains(verb)
            || !actions.contains { $0.leadingWords.contains(verb) && Self.subsystem(of: $0.name) == subsystem }
    }

    /// Whether a question asks about things in general rather than the phone's: about "a" thing the action has no
    /// word for ("how loud is **a jet engine**", "what's the volume of **a sphere**"), or how something works or what
    /// it means ("how do alarms **work**", "what does do not disturb **do**", "what does DND **stand for**").
    static func asksAboutTheWorld(_ words: [String], action: CompiledAction) -> Bool {
        guard let first = words.first, questionWords.contains(first) || first == "why" else { return false }
        for (i, w) in words.enumerated() where (w == "a" || w == "an") && i + 1 < words.count {
            let next = words[i + 1]
            if !action.vocabulary.contains(next), NumberWords.parse([next]) == nil { return true }
        }
        guard let support = words.dropFirst().firstIndex(where: { ["do", "does"].contains($0) }) else { return false }
        return words[(support + 1)...].contains { ["work", "works", "mean", "means", "stand"].contains($0) } || words.last == "do"
    }

    /// The subsystem part of an action's name ("photos" of "photos.delete_album").
    static func subsystem(of actionName: String) -> Substring {
        actionName.split(separator: ".").first ?? Substring(actionName)
    }

    /// Words no label holds: determiners and quantifiers.
    static let labelBreakers: Set<String> = ["my", "your", "our", "all", "every", "each", "any", "a", "an"]

    /// Whether `words` can be the value of a parameter with the label role: a short name ("gym", "take pills", "the
    /// eggs"), at most four words, with no number or unit and nothing another parameter of `action` reads ("quarter
    /// past seven" is a time, "weekend" a repeat, "5 newest" a count).
    static func isLabel(_ words: [String], for action: CompiledAction, reader: SlotReader) -> Bool {
        guard !words.isEmpty, words.count <= 4 else { return false }
        if words.contains(where: { NumberWords.parse([$0]) != nil }) { return false }
        if words.allSatisfy({ TemplateAligner.fillers.contains($0) || nonLabels.contains($0) }) { return false }
        // A name has no determiner of its own inside it ("back all my deleted", "a good name") and no quantifier
        // ("cancel every alarm" names none).
        if words.contains(where: labelBreakers.contains) { return false }
        // "for the gym": the article is no part of the name.
        if words.count > 1, words.first == "the" { return false }
        if words.contains(where: units.contains) { return false }
        for p in action.parameters where p.role != .label {
            if case .string = p.kind { continue }
            if case .text = p.kind { continue }
            if action.read(words, original: TextNormalizer.join(words), for: p, with: reader) != nil { return false }
            // A part of the words that another parameter reads ("quarter past seven tomorrow morning") is no label's either.
            if words.count > 1, words.indices.contains(where: { action.read([words[$0]], original: words[$0], for: p, with: reader) != nil }) {
                return false
            }
        }
        return true
    }

    /// The reading of the one clause of `text` that asks for something, when the whole was not understood: "enable
    /// bluetooth, I want to use my headphones", "get rid of all my alarms, I'm on holiday". Clauses are split at sentence
    /// punctuation followed by a space. Not taken when several clauses read as commands, when the clause points back
    /// with "it" or "them" ("never mind the laundry timer, cancel it" would cancel every timer), or when the action
    /// takes free text (a message body may hold the comma). The reading is marked, so that a change asks first. A label
    /// another clause says outright is taken.
    func oneClauseReading(_ text: String, entityNames: EntityNames, tools: Set<String>?, policy: UnderstandingPolicy) -> CommandMatch? {
        var clauses: [String] = []
        var current = ""
        var previous: Character?
        for c in text {
            // "Dr. Patel", "St. Ives": a period after a short capitalised word ends an abbreviation, not a clause
            // (looked at only after a period, not for every character).
            var abbreviation = false
            if previous == ".", c == " " {
                let lastWord = current.dropLast().split(separator: " ").last ?? ""
                abbreviation = lastWord.count <= 3 && (lastWord.first?.isUppercase ?? false)
            }
            if let p = previous, ",;.!?".contains(p), c == " ", !abbreviation {
                clauses.append(current)
                current = ""
            } else {
                current.append(c)
            }
            previous = c
        }
        clauses.append(current)
        let parts = clauses.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ,;.!?")) }.filter { !$0.isEmpty }
        guard parts.count >= 2 else { return nil }
        var found: [CommandMatch] = []
        for part in parts {
            let words = TextNormalizer.words(part)
            if words.contains("it") || words.contains("them") { continue }
            guard case .understood(var match) = reading(part, entityNames: entityNames, tools: tools, policy: policy),
                  let action = actions.first(where: { $0.name == match.call.name }),
                  !action.parameters.contains(where: { $0.kind == .text }) else { continue }
            match.clause = part
            found.append(match)
        }
        guard found.count == 1, var match = found.first else { return nil }
        // A label said outright in another clause ("a timer for 20 minutes, **call it** pasta") is the label the
        // clause read leaves unset: that clause asks for nothing of its own.
        if let action = actions.first(where: { $0.name == match.call.name }),
           let p = action.parameters.first(where: { $0.role == .label && match.call.arguments[$0.name] == nil }),
           let said = Self.explicitLabel(TextNormalizer.tokens(text), text: text, for: action,
                                         reader: SlotReader(entityNames: entityNames), given: match.call.arguments) {
            var arguments = match.call.arguments
            arguments[p.name] = said
            match = Self.with(arguments, in: match, of: action)
        }
        return match
    }

    /// The reading of a request with a second part that only says where its result goes: "take a pic **and put it in
    /// Cats**", "record a clip **and save it to Trip**". The first part is read as it stands; the second, which points
    /// back with "it" or "them", is read as a request of its own, and the values it gives for parameters the first
    /// action has and left unset are taken; when it reads as no request, the live names it says of a parameter's own
    /// kind are (an album for the `album` of "take a photo"). Nothing else of the second part is done, so the reading
    /// is marked as one clause's (a change asks first). Nil when either part is not understood or the second gives the
    /// first nothing.
    func coordinatedReading(_ text: String, entityNames: EntityNames, tools: Set<String>?, policy: UnderstandingPolicy) -> CommandMatch? {
        guard let and = text.range(of: " and ") else { return nil }
        let first = String(text[..<and.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        let second = String(text[and.upperBound...])
        let secondWords = TextNormalizer.words(second)
        guard secondWords.contains("it") || secondWords.contains("them"),
              case .understood(var match) = reading(first, entityNames: entityNames, tools: tools, policy: policy),
              match.missing.isEmpty,
              let action = actions.first(where: { $0.name == match.call.name }) else { return nil }
        let then = reading(second, entityNames: entityNames, tools: nil, policy: policy).match
        guard then?.call.name != match.call.name else { return nil }
        var taken = false
        let indexes = SlotReader.indexes(entityNames)
        for p in action.parameters where match.call.arguments[p.name] == nil {
            guard let value = then?.call.arguments[p.name] ?? Self.liveName(of: p, in: secondWords, indexes: indexes) else { continue }
            match.call.arguments[p.name] = value
            taken = true
        }
        guard taken else { return nil }
        match.clause = first
        return match
    }

    /// The one live name of the kind `p` is named after ("album") that `words` say, for a free string parameter; nil
    /// when they say none or several. `indexes` are the live names normalised once (``SlotReader/indexes(_:)``).
    static func liveName(of p: Parameter, in words: [String], indexes: [String: EntityResolver.Index]) -> JSONValue? {
        guard case .string = p.kind, !p.isPath, let index = indexes[p.name] else { return nil }
        var found = Set<String>()
        for lo in words.indices {
            for hi in (lo + 1)...min(words.count, lo + 5) {
                let piece = Array(words[lo..<hi])
                guard !piece.allSatisfy(idleWords.contains) else { continue }
                if case .found(let entity) = EntityResolver.resolve(TextNormalizer.join(piece), in: index) { found.insert(entity.name) }
            }
        }
        return found.count == 1 ? found.first.map { .string($0) } : nil
    }
}
