import Foundation

/// One value of an enum parameter with the names people say for it, per language.
///
/// `Choice("wifi", en: ["wi-fi", "wireless"], zh: ["无线网络"])`: the canonical value (`"wifi"`) is what
/// the model sends and the handler receives; the spoken names feed the sentence matcher and the speech
/// grammar. The canonical value itself is always accepted as a spoken name.
public struct Choice: Sendable, Hashable {
    /// Canonical value, as the JSON Schema `enum` lists it.
    public var value: String
    /// Spoken names by language code (`"en"`, `"zh"`).
    public var spoken: [String: [String]]

    /// Creates a choice with English and optional Mandarin spoken names.
    public init(_ value: String, en: [String] = [], zh: [String] = []) {
        self.value = value
        var spoken: [String: [String]] = [:]
        if !en.isEmpty { spoken["en"] = en }
        if !zh.isEmpty { spoken["zh"] = zh }
        self.spoken = spoken
    }

    /// Creates a choice with spoken names for any languages.
    public init(_ value: String, spoken: [String: [String]]) {
        self.value = value
        self.spoken = spoken
    }

    /// The names people say for this value in `language`, the canonical value first for English.
    public func names(language: String) -> [String] {
        var names = spoken[language] ?? []
        if language == "en" {
            let canonical = value.replacingOccurrences(of: "_", with: " ")
            if !names.contains(canonical) { names.insert(canonical, at: 0) }
        }
        return names
    }
}
