public import RelayJSON

/// One sentence template (hassil-like syntax) plus arguments it fixes without words.
///
/// Syntax: `(a|b)` alternatives, `[the]` optional words, `{param}` a slot filled by the parameter of that
/// name (typed parsing from its kind), `<rule>` a shared rule (the subsystem's ``Subsystem/rules`` or
/// RelayKit's built-ins, see ``SentenceRules/builtIn``). Matching ignores case, punctuation and
/// contractions. Example: `"turn (on|off) [the] {toggle}"` — but to tell "on" from "off" write two
/// sentences that fix the boolean: `Sentence("turn on [the] {toggle}", fixing: ["on": true])`.
public struct Sentence: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The template text.
    public var template: String
    /// Arguments set when this template matches (not spoken).
    public var fixed: JSONObject

    /// Creates a template with fixed arguments.
    public init(_ template: String, fixing fixed: JSONObject = [:]) {
        self.template = template
        self.fixed = fixed
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// The sentence templates of one action, by language code (`"en"` required for built-ins, `"zh"` welcome).
///
/// `static let sentences: Sentences = ["en": ["what time is it"], "zh": ["现在几点"]]`
public struct Sentences: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// Templates by language.
    public var byLanguage: [String: [Sentence]]

    /// Creates sentences from a dictionary.
    public init(_ byLanguage: [String: [Sentence]]) { self.byLanguage = byLanguage }

    public init(dictionaryLiteral elements: (String, [Sentence])...) {
        var d: [String: [Sentence]] = [:]
        for (k, v) in elements { d[k, default: []] += v }
        self.byLanguage = d
    }

    /// The templates for `language` (empty when none).
    public subscript(language: String) -> [Sentence] { byLanguage[language] ?? [] }

    /// Languages with at least one template, sorted.
    public var languages: [String] { byLanguage.filter { !$0.value.isEmpty }.keys.sorted() }
}

/// Shared expansion rules `<name>` by language: `["en": ["album_word": "(album|collection)"]]`.
public struct SentenceRules: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// Rule bodies (template syntax) by language, then by rule name.
    public var byLanguage: [String: [String: String]]

    /// Creates rules from a dictionary.
    public init(_ byLanguage: [String: [String: String]]) { self.byLanguage = byLanguage }

    public init(dictionaryLiteral elements: (String, [String: String])...) {
        var d: [String: [String: String]] = [:]
        for (k, v) in elements { d[k, default: [:]].merge(v) { _, new in new } }
        self.byLanguage = d
    }

    /// Rules usable in every template: `<the>`, `<please>`, `<my>`, `<set>`, `<turn_on>`, `<turn_off>`, `<show>`.
    public static let builtIn: SentenceRules = [
        "en": [
            "the": "[the|my|a|an]",
            "my": "[my|the]",
            "please": "[please]",
            "set": "(set|change|put|make)",
            "turn_on": "(turn on|switch on|enable|activate)",
            "turn_off": "(turn off|switch off|disable|deactivate)",
            "show": "(show [me]|list|display|what are|what is|find|get)",
            // Scope words: a template with <all> fixes its action's "all" argument, so "delete all my photos"
            // means every photo, never the default (the newest one).
            "all": "(all [of] [the|my]|every|each [of] [the|my]|every single)",
        ],
        "zh": [
            "please": "[请|帮我|麻烦]",
            "turn_on": "(打开|开启)",
            "turn_off": "(关闭|关掉)",
            "all": "(所有|全部)[的]",
        ],
    ]

    /// These rules overlaid with `other` (other wins).
    public func merging(_ other: SentenceRules) -> SentenceRules {
        var d = byLanguage
        for (lang, rules) in other.byLanguage { d[lang, default: [:]].merge(rules) { _, new in new } }
        return SentenceRules(d)
    }
}
