import RelayLanguage

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
    /// `entities` (kind → names), choice slots with every spoken name, numbers with "five" or, outside the
    /// parameter's range, its nearest bound (the matcher reads no value out of range), other typed slots with one example
    /// ("five", "seven thirty", "ten minutes", "yesterday", "fifty percent"); string and text slots stay `{name}`.
    public func expandedSentences(language: String = "en", entities: EntityNames = [:], limitPerTemplate: Int = 200) -> [ExpandedSentence] {
        var out: [ExpandedSentence] = []
        for a in actions {
            for parsed in a.sentences(in: language) {
                let sentence = parsed.sentence
                for words in parsed.template.expansions(limit: limitPerTemplate) {
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
        case .integer(let lo, _) where (lo ?? 0) > 5: return [String(lo ?? 0)]
        case .integer(_, let hi) where (hi ?? 5) < 5: return [String(hi ?? 0)]
        case .number(let lo, _) where (lo ?? 0) > 5: return [String(lo ?? 0)]
        case .number(_, let hi) where (hi ?? 5) < 5: return [String(hi ?? 0)]
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
}
