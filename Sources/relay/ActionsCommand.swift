import ArgumentParser
import Foundation
import RelayKit
import RelayModel
import RelayPlugins

/// `relay actions`: List every action of the installed subsystems.
struct ActionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "List every action of the installed subsystems.",
        discussion: """
            By default prints one line per action: name, permission, parameters and description. \
            --json prints a JSON array of {"name", "subsystem", "description", "permission", "parameters" (the JSON \
            Schema the model sees), "sentences" (templates by language)}; --tools prints the tool specs in the \
            {"type": "function", "function": {...}} form; --markdown prints the reference page; --jsgf prints the speech \
            grammar (JSGF) of the sentences of --language; --sentences prints every sentence the templates expand to \
            (action, tab, sentence; with --json an array of {"action", "text", "template"}).
            """
    )

    @Flag(help: "Print JSON instead of the readable list.")
    var json = false

    @Flag(help: "Print the reference page in Markdown.")
    var markdown = false

    @Flag(help: "Print the tool specs the model sees, as a JSON array.")
    var tools = false

    @Flag(help: "Print the JSGF speech grammar of the sentence templates.")
    var jsgf = false

    @Flag(help: "Print every sentence the templates expand to (slots as examples or {name}).")
    var sentences = false

    @Option(help: "Language of --jsgf and of the sentences shown (en, zh).")
    var language = "en"

    @Option(help: "Only this subsystem's actions.")
    var subsystem: String?

    @OptionGroup var home: HomeOptions

    func validate() throws {
        if [markdown, tools, jsgf].filter({ $0 }).count + (json && !sentences ? 1 : 0) > 1 || (sentences && (markdown || tools || jsgf)) {
            throw ValidationError("Choose one of --json, --markdown, --tools, --jsgf, --sentences (--sentences may add --json).")
        }
    }

    func run() async throws {
        let all = await PhoneSubsystems.load(home: home.url, command: "actions").subsystems
        var subsystems = all
        if let subsystem {
            subsystems = subsystems.filter { $0.name == subsystem }
            if subsystems.isEmpty {
                printError("actions", "there is no subsystem named \(subsystem); installed: \(all.map(\.name).joined(separator: ", ")).")
                throw ExitCode.failure
            }
        }
        let catalog = ActionCatalog(subsystems: subsystems)
        if sentences {
            let expanded = catalog.expandedSentences(language: language)
            if json {
                print(JSONValue.array(expanded.map { ["action": .string($0.action), "text": .string($0.text), "template": .string($0.template)] }).compactJSON)
            } else {
                for e in expanded { print("\(e.action)\t\(e.text)") }
            }
        } else if json {
            print(catalog.json.compactJSON)
        } else if tools {
            print(JSONValue.array(catalog.toolSpecs.map { spec in
                ["type": "function", "function": ["name": .string(spec.name), "description": .string(spec.description), "parameters": spec.parameters]]
            }).compactJSON)
        } else if markdown {
            print(catalog.markdown(), terminator: "")
        } else if jsgf {
            print(catalog.jsgfGrammar(language: language), terminator: "")
        } else {
            for s in subsystems {
                print("\(s.displayName) (\(s.name)): \(s.summary)")
                for a in catalog.actions where a.subsystem == s.name {
                    let params = a.parameters.map { p in
                        p.isRequired ? "\(p.name): \(p.kind.displayName)" : "[\(p.name): \(p.kind.displayName)]"
                    }.joined(separator: ", ")
                    print("  \(a.name)(\(params))  [\(a.permission.rawValue)]  \(a.description)")
                    if let example = a.sentences[language].first { print("      e.g. \"\(example.template)\"") }
                }
            }
        }
    }
}
