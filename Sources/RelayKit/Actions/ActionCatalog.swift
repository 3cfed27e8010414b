public import RelayLanguage
public import RelayModel
public import RelayJSON
import Foundation

/// One sentence of an action, parsed once with its subsystem's rules inlined: what the matcher aligns
/// utterances with, the speech grammar compiles and the docs expand.
public struct ParsedSentence: Sendable {
    /// The sentence as declared (template text and fixed arguments).
    public let sentence: Sentence
    /// Its parse tree.
    public let template: SentenceTemplate
}

/// One installed action, with the subsystem it belongs to: what the catalog, docs and the matcher read.
public struct ActionDescriptor: Sendable {
    /// The action type.
    public let type: any Action.Type
    /// The subsystem's name (`"photos"`).
    public let subsystem: String
    /// The subsystem's display name (`"Photos"`).
    public let subsystemDisplayName: String
    /// Its sentences that parse, by language (the others are in ``ActionCatalog/problems``).
    let parsedSentences: [String: [ParsedSentence]]

    /// Its parsed sentences in `language` (rules inlined), in declaration order.
    public func sentences(in language: String) -> [ParsedSentence] { parsedSentences[language] ?? [] }

    /// The action's stable name.
    public var name: String { type.name }
    /// What it does.
    public var description: String { type.description }
    /// Read, write or destructive.
    public var permission: Permission { type.permission }
    /// Its parameters.
    public var parameters: [Parameter] { type.parameters }
    /// Its sentence templates.
    public var sentences: Sentences { type.sentences }
    /// Its read-back question pattern (``Action/readBack``), if it declares one.
    public var readBack: String? { type.readBack }

    /// The JSON Schema tool spec the model (and MCP) sees.
    public var toolSpec: ToolSpec { ToolSpec(name: name, description: description, parameters: JSONSchema.object(for: parameters)) }
}

/// Every action of a set of subsystems, in order: tool specs, the reference page, lookups by name.
public struct ActionCatalog: Sendable {
    /// The subsystems, in the order given.
    public let subsystems: [any Subsystem]
    /// Every action, subsystem by subsystem.
    public let actions: [ActionDescriptor]
    /// Declaration mistakes found while building (duplicate names, names without the subsystem prefix,
    /// slots naming no parameter, unparsable templates). Tests assert this is empty.
    public let problems: [String]

    /// Builds the catalog of `subsystems`.
    public init(subsystems: [any Subsystem]) {
        self.subsystems = subsystems
        var actions: [ActionDescriptor] = []
        var problems: [String] = []
        var seen = Set<String>()
        for s in subsystems {
            for type in s.actions {
                guard seen.insert(type.name).inserted else {
                    problems.append("\(type.name) is declared twice; the second one (in \(s.name)) is ignored.")
                    continue
                }
                if !type.name.hasPrefix(s.name + ".") {
                    problems.append("\(type.name) does not start with its subsystem's name \"\(s.name).\".")
                }
                let names = Set(type.parameters.map(\.name))
                if names.count != type.parameters.count { problems.append("\(type.name) declares a parameter name twice.") }
                for p in type.parameters {
                    if case .choice(let c) = p.kind, c.isEmpty { problems.append("\(type.name): \(p.name) has no choices.") }
                }
                let rules = SentenceRules.builtIn.merging(s.rules)
                var parsed: [String: [ParsedSentence]] = [:]
                for lang in type.sentences.languages {
                    for sentence in type.sentences[lang] {
                        do {
                            let t = try SentenceTemplate(sentence.template, rules: rules.byLanguage[lang] ?? [:])
                            for slot in t.slotNames where !names.contains(slot) {
                                problems.append("\(type.name) [\(lang)] \"\(sentence.template)\": the slot {\(slot)} names no parameter.")
                            }
                            for key in sentence.fixed.keys where !names.contains(key) {
                                problems.append("\(type.name) [\(lang)] \"\(sentence.template)\": fixes \(key), which names no parameter.")
                            }
                            parsed[lang, default: []].append(ParsedSentence(sentence: sentence, template: t))
                        } catch {
                            problems.append("\(type.name) [\(lang)]: \(error)")
                        }
                    }
                }
                actions.append(ActionDescriptor(
                    type: type, subsystem: s.name, subsystemDisplayName: s.displayName, parsedSentences: parsed))
            }
        }
        self.actions = actions
        self.problems = problems
    }

    /// The action called `name`, if installed.
    public func action(named name: String) -> ActionDescriptor? { actions.first { $0.name == name } }

    /// The subsystem called `name`, if installed.
    public func subsystem(named name: String) -> (any Subsystem)? { subsystems.first { $0.name == name } }

    /// Tool specs of every action, for the model's system prompt.
    public var toolSpecs: [ToolSpec] { actions.map(\.toolSpec) }

    /// Every action as JSON (`relay actions --json`): name, subsystem, description, permission, parameters schema, sentences.
    public var json: JSONValue {
        .array(actions.map { a in
            var sentences = JSONObject()
            for lang in a.sentences.languages { sentences[lang] = .array(a.sentences[lang].map { .string($0.template) }) }
            return .object([
                "name": .string(a.name),
                "subsystem": .string(a.subsystem),
                "description": .string(a.description),
                "permission": .string(a.permission.rawValue),
                "parameters": JSONSchema.object(for: a.parameters),
                "sentences": .object(sentences),
            ])
        })
    }

    /// The reference page (`relay actions --markdown`): per subsystem, per action, its parameters and sentences.
    public func markdown() -> String {
        var out = "# Relay actions\n\nGenerated from the action declarations (`relay actions --markdown`); do not edit by hand.\n"
        for s in subsystems {
            let own = actions.filter { $0.subsystem == s.name }
            out += "\n## \(s.displayName) (`\(s.name)`)\n\n\(s.summary)\n"
            for a in own {
                out += "\n### `\(a.name)`\n\n\(a.description)\n\n"
                out += "Permission: **\(a.permission.rawValue)**"
                out += a.permission == .destructive ? " (asks for confirmation first)\n" : "\n"
                if !a.parameters.isEmpty {
                    out += "\n| parameter | type | required | description |\n|---|---|---|---|\n"
                    for p in a.parameters {
                        var type = p.kind.displayName
                        if case .choice(let c) = p.kind { type += ": " + c.map { "`\($0.value)`" }.joined(separator: ", ") }
                        if case .entity = p.kind { type = "\(p.kind.displayName) name" }
                        var req = p.isRequired ? "yes" : "no"
                        if let d = p.defaultValue { req += " (default `\(d.compactJSON)`)" }
                        out += "| `\(p.name)` | \(type) | \(req) | \(p.description.replacingOccurrences(of: "|", with: "\\|")) |\n"
                    }
                }
                for lang in a.sentences.languages {
                    out += "\nSentences (\(lang)):\n\n"
                    for sentence in a.sentences[lang] {
                        out += "- `\(sentence.template)`"
                        if sentence.fixed.count > 0 { out += " → " + JSONValue.object(sentence.fixed).compactJSON }
                        out += "\n"
                    }
                }
            }
        }
        return out
    }
}

/// Builds JSON Schemas from parameter declarations.
public enum JSONSchema {
    /// `{"type": .string("object"), "properties": {…}, "required": […]}` for `parameters`.
    public static func object(for parameters: [Parameter]) -> JSONValue {
        var properties = JSONObject()
        for p in parameters { properties[p.name] = property(for: p) }
        return .object([
            "type": .string("object"),
            "properties": .object(properties),
            "required": .array(parameters.filter(\.isRequired).map { .string($0.name) }),
        ])
    }

    /// The schema of one parameter.
    public static func property(for p: Parameter) -> JSONValue {
        var o = JSONObject()
        var description = p.description
        switch p.kind {
        case .string, .text:
            o["type"] = .string("string")
        case .integer(let lo, let hi):
            o["type"] = .string("integer")
            if let lo { o["minimum"] = .int(lo) }
            if let hi { o["maximum"] = .int(hi) }
        case .number(let lo, let hi):
            o["type"] = .string("number")
            if let lo { o["minimum"] = .double(lo) }
            if let hi { o["maximum"] = .double(hi) }
        case .boolean:
            o["type"] = .string("boolean")
        case .choice(let choices):
            o["type"] = .string("string")
            o["enum"] = .array(choices.map { .string($0.value) })
        case .date:
            o["type"] = .string("string")
            description += " (today, yesterday, this_week, last_week, this_month, last_month, a month name like march, march_3, a weekday like monday, last_N_days, N_days_ago, YYYY-MM-DD, YYYY-MM or FROM/TO)"
        case .timeOfDay:
            o["type"] = .string("string")
            o["pattern"] = .string("^([01][0-9]|2[0-3]):[0-5][0-9]$")
            // The unit is added once: an author who already wrote it is not contradicted or repeated.
            if !description.contains("HH:MM") { description += " (HH:MM, 24-hour)" }
        case .duration(let lo, let hi):
            o["type"] = .string("integer")
            o["minimum"] = .int(lo ?? 0)
            if let hi { o["maximum"] = .int(hi) }
            if !description.lowercased().contains("second") { description += " (seconds)" }
        case .percentage:
            o["type"] = .string("integer")
            o["minimum"] = .int(0)
            o["maximum"] = .int(100)
        case .entity(let kind):
            o["type"] = .string("string")
            description += " (the \(kind.name)'s name)"
        }
        o["description"] = .string(description)
        if let d = p.defaultValue { o["default"] = d }
        // Put description second, after type, for readable prompts.
        var ordered = JSONObject()
        ordered["type"] = o["type"]
        ordered["description"] = o["description"]
        for (k, v) in o where k != "type" && k != "description" { ordered[k] = v }
        return .object(ordered)
    }
}
