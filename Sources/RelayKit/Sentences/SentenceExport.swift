/// A sentence an action understands, with slots filled by example values or left as `{name}`.
public struct ExpandedSentence: Sendable, Hashable {
    /// The words.
    public var text: String
    /// The action it triggers.
    public var action: String
    /// The template it came from.
    public var template: String
}

extension ActionCatalog {
    /// Every sentence the templates of `language` produce. Entity slots are filled with the names in
    /// `entities` (kind → names), choice slots with every spoken name, other typed slots with one example
    /// ("five", "seven thirty", "ten minutes", "yesterday", "fifty percent"); string and text slots stay `{name}`.
    public func expandedSentences(language: String = "en", entities: EntityNames = [:], limitPerTemplate: Int = 200) -> [ExpandedSentence] {
        var out: [ExpandedSentence] = []
        for a in actions {
            let rules = SentenceRules.builtIn.merging(subsystem(named: a.subsystem)?.rules ?? [:]).byLanguage[language] ?? [:]
            for sentence in a.sentences[language] {
                guard let t = try? SentenceTemplate(sentence.template, rules: rules) else { continue }
                for words in t.expansions(limit: limitPerTemplate) {
                    var texts: [[String]] = [[]]
                    for w in words {
                        var fills = [w]
                        if w.hasPrefix("{"), w.hasSuffix("}"), let p = a.type.parameter(named: String(w.dropFirst().dropLast())) {
                            fills = Self.examples(for: p, language: language, entities: entities)
                        }
                        texts = texts.flatMap { prefix in fills.map { prefix + [$0] } }
                        if texts.count > limitPerTemplate { texts = Array(texts.prefix(limitPerTemplate)) }
                    }
                    for t2 in texts {
                        out.append(ExpandedSentence(text: TextNormalizer.join(t2), action: a.name, template: sentence.template))
                    }
                }
            }
        }
        return out
    }

    static func examples(for p: Parameter, language: String, entities: EntityNames) -> [String] {
        let zh = language == "zh"
        switch p.kind {
        case .string, .text: return ["{\(p.name)}"]
        case .integer, .number: return [zh ? "五" : "five"]
        case .boolean: return [zh ? "开" : "on"]
        case .choice(let choices): return choices.flatMap { $0.names(language: language) }
        case .date: return [zh ? "昨天" : "yesterday"]
        case .timeOfDay: return [zh ? "七点半" : "seven thirty"]
        case .duration: return [zh ? "十分钟" : "ten minutes"]
        case .percentage: return [zh ? "百分之五十" : "fifty percent"]
        case .entity(let kind):
            let names = entities[kind.name] ?? []
            return names.isEmpty ? ["{\(p.name)}"] : names
        }
    }

    /// A JSGF grammar (for pocketsphinx) accepting the sentences of `language`, so recognition stays
    /// inside the command vocabulary.
    ///
    /// Typed slots become shared rules (`<number>`, `<time>`, `<duration>`, `<date>`, `<percentage>`,
    /// `<boolean>`); choices list their spoken names; entity slots list `entities` (or fall back to
    /// `<free_text>`); string and text slots are `<free_text>`: one or more words of the templates'
    /// vocabulary, the entity names and `freeTextWords`. Words are lowercase; words with digits are dropped
    /// (a pronunciation dictionary has none).
    public func jsgfGrammar(language: String = "en", entities: EntityNames = [:], name: String = "relay",
                            freeTextWords: [String] = JSGF.commonWords) -> String {
        var ruleLines: [String] = []
        var publicAlternatives: [String] = []
        var vocabulary = Set<String>()
        var usesFreeText = false
        var extraRules: [String: String] = [:]

        func slotRule(_ action: ActionDescriptor, _ p: Parameter) -> String {
            switch p.kind {
            case .string, .text: usesFreeText = true; return "<free_text>"
            case .integer, .number: return "<number>"
            case .boolean: return "<boolean>"
            case .date: return "<date>"
            case .timeOfDay: return "<time>"
            case .duration: return "<duration>"
            case .percentage: return "<percentage>"
            case .choice(let choices):
                let rule = JSGF.ruleName(action.name + "_" + p.name)
                let names = choices.flatMap { $0.names(language: language) }.map { JSGF.phrase($0) }.filter { !$0.isEmpty }
                extraRules[rule] = Array(Set(names)).sorted().joined(separator: " | ")
                return "<\(rule)>"
            case .entity(let kind):
                let names = (entities[kind.name] ?? []).map { JSGF.phrase($0) }.filter { !$0.isEmpty }
                if names.isEmpty { usesFreeText = true; return "<free_text>" }
                let rule = JSGF.ruleName("entity_" + kind.name)
                extraRules[rule] = Array(Set(names)).sorted().joined(separator: " | ")
                names.forEach { $0.split(separator: " ").forEach { vocabulary.insert(String($0)) } }
                return "<\(rule)>"
            }
        }

        func render(_ node: SentenceTemplate.Node, _ action: ActionDescriptor) -> String {
            switch node {
            case .word(let w):
                guard JSGF.isSpeakable(w) else { return "" }
                vocabulary.insert(w)
                return w
            case .slot(let s):
                guard let p = action.type.parameter(named: s) else { return "" }
                return slotRule(action, p)
            case .sequence(let ns):
                return ns.map { render($0, action) }.filter { !$0.isEmpty }.joined(separator: " ")
            case .alternatives(let ns):
                let hasEmpty = ns.contains { if case .sequence(let x) = $0 { x.isEmpty } else { false } }
                let parts = ns.map { render($0, action) }.filter { !$0.isEmpty }
                guard !parts.isEmpty else { return "" }
                let body = parts.joined(separator: " | ")
                return hasEmpty ? "[ \(body) ]" : (parts.count == 1 ? body : "( \(body) )")
            }
        }

        for a in actions {
            let rules = SentenceRules.builtIn.merging(subsystem(named: a.subsystem)?.rules ?? [:]).byLanguage[language] ?? [:]
            let bodies = a.sentences[language].compactMap { s -> String? in
                guard let t = try? SentenceTemplate(s.template, rules: rules) else { return nil }
                let r = render(t.root, a)
                return r.isEmpty ? nil : r
            }
            guard !bodies.isEmpty else { continue }
            let rule = JSGF.ruleName(a.name)
            ruleLines.append("<\(rule)> = \(bodies.map { bodies.count > 1 ? "( \($0) )" : $0 }.joined(separator: " | "));")
            publicAlternatives.append("<\(rule)>")
        }

        var out = "#JSGF V1.0;\n\ngrammar \(name);\n\n"
        out += "public <command> = [ please ] ( \(publicAlternatives.isEmpty ? "<VOID>" : publicAlternatives.joined(separator: " | ")) ) [ please ];\n\n"
        out += ruleLines.joined(separator: "\n") + "\n\n"
        for (rule, body) in extraRules.sorted(by: { $0.key < $1.key }) { out += "<\(rule)> = \(body);\n" }
        out += JSGF.sharedRules
        if usesFreeText {
            let words = vocabulary.union(freeTextWords.filter(JSGF.isSpeakable)).sorted()
            out += "<free_text> = <free_word>+;\n<free_word> = \(words.joined(separator: " | "));\n"
        }
        return out
    }
}

/// Helpers for the JSGF export.
public enum JSGF {
    /// Everyday words free-text slots may use (message bodies, names) beyond the templates' own words.
    public static let commonWords: [String] = """
        a an the and or but to of in on at for with from by about i you he she we they it me him her us them my your \
        our their this that is are was be been am will can do not no yes ok okay hi hello hey thanks thank see soon \
        later today tonight tomorrow home work late early running on my way call me back love good great bad new \
        trip vacation family friends party birthday dinner lunch breakfast meeting office school weekend summer \
        winter spring fall beach mountain city park holiday photos pictures videos mom dad
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static func ruleName(_ s: String) -> String {
        String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    static func isSpeakable(_ w: String) -> Bool {
        !w.isEmpty && w.allSatisfy { $0.isLetter } && !w.contains(where: { $0.isNumber })
    }

    static func phrase(_ s: String) -> String {
        TextNormalizer.words(s).filter(isSpeakable).joined(separator: " ")
    }

    static let sharedRules = """
        <digit> = one | two | three | four | five | six | seven | eight | nine;
        <teen> = ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen;
        <tens> = twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety;
        <under_hundred> = <digit> | <teen> | <tens> [ <digit> ];
        <number> = zero | <under_hundred> | [ <digit> | a ] hundred [ [ and ] <under_hundred> ];
        <percentage> = <number> [ percent ];
        <boolean> = on | off | yes | no;
        <time> = noon | midnight | ( quarter | half | <under_hundred> [ minutes ] ) ( past | to ) <under_hundred> \
        | <under_hundred> [ oclock | oh <digit> | <under_hundred> ] [ am | pm | in the morning | in the evening ];
        <duration_unit> = second | seconds | minute | minutes | hour | hours | day | days;
        <duration_part> = ( <number> | a | an | half an ) [ and a half ] <duration_unit> [ and a half ];
        <duration> = <duration_part> [ [ and ] <duration_part> ];
        <month> = january | february | march | april | may | june | july | august | september | october | november | december;
        <date> = today | yesterday | tomorrow | ( this | last | next ) ( week | month | year ) | [ in ] <month> \
        | ( last | past ) <number> days | <number> days ago;

        """
}
