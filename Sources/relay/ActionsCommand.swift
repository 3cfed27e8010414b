import ArgumentParser
import Foundation
import RelayAgent
import RelayKit
import RelayPlugins
import RelayJSON
import RelayLanguage
import RelaySpeech

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
            grammar exactly as `relay listen` hands it to the recognizer (JSGF, English, with the names of this home's \
            albums and contacts and the --wake-phrase); --sentences prints every sentence the templates expand to \
            (action, tab, sentence; with --json an array of {"action", "text", "template"}); --vocabulary prints the \
            words of the English sentences and this home's album and contact names on one line, the prompt that \
            Samples/scripts/speech-server.sh gives Whisper so that it favours them.
            """
    )

    @Flag(help: "Print JSON instead of the readable list.")
    var json = false

    @Flag(help: "Print the reference page in Markdown.")
    var markdown = false

    @Flag(help: "Print the tool specs the model sees, as a JSON array.")
    var tools = false

    @Flag(help: "Print the speech grammar (JSGF) the recognizer of `relay listen` loads.")
    var jsgf = false

    @Option(help: ArgumentHelp("With --jsgf: the wake phrase `relay listen` would be given.", valueName: "text"))
    var wakePhrase: String?

    @OptionGroup var home: HomeOptions

    @Flag(help: "Print every sentence the templates expand to (slots as examples or {name}).")
    var sentences = false

    @Flag(help: "Print the words of the English sentences and this home's names on one line (a recognizer's vocabulary prompt).")
    var vocabulary = false

    @Option(help: "Language of the sentences shown (en, zh); the speech grammar is English.")
    var language = "en"

    @Option(help: "Only this subsystem's actions.")
    var subsystem: String?

    func validate() throws {
        if [markdown, tools, jsgf, vocabulary].filter({ $0 }).count + (json && !sentences ? 1 : 0) > 1
            || (sentences && (markdown || tools || jsgf || vocabulary)) {
            throw ValidationError("Choose one of --json, --markdown, --tools, --jsgf, --vocabulary, --sentences (--sentences may add --json).")
        }
        if jsgf, language != "en" {
            throw ValidationError("--jsgf prints the English speech grammar: the recognizer (pocketsphinx en-us) hears English only.")
        }
        if wakePhrase != nil, !jsgf { throw ValidationError("--wake-phrase goes with --jsgf.") }
        if let wakePhrase, WakePhrase(wakePhrase) == nil { throw ValidationError("--wake-phrase needs at least one word.") }
    }

    func run() async throws {
        // The dispatcher's catalog: the installed plugins, the MCP servers of mcp.json and the phone's own actions (undo, redo), as the model,
        // the matcher and the speech grammar see them.
        let dispatcher = Dispatcher(subsystems: await PhoneSubsystems.load(home: home.url, command: "actions").subsystems, home: home.url)
        var subsystems = dispatcher.catalog.subsystems
        if let subsystem {
            subsystems = subsystems.filter { $0.name == subsystem }
            if subsystems.isEmpty {
                printError("actions", "there is no subsystem named \(subsystem); installed: \(dispatcher.catalog.subsystems.map(\.name).joined(separator: ", ")).")
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
            try await printSpeechGrammar(catalog, dispatcher: dispatcher)
        } else if vocabulary {
            print(Self.vocabulary(catalog, entities: await dispatcher.entityNames()))
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

    /// Words a command may use, for a recognizer's prompt (Whisper's `initial_prompt` keeps only its last 223 tokens,
    /// so the list stays short): the album and contact names written in Latin letters, then the words of the English
    /// sentences, the subsystems taking turns so each gets its first words in, without the words every sentence has.
    static func vocabulary(_ catalog: ActionCatalog, entities: EntityNames, limit: Int = 150) -> String {
        let common: Set<String> = ["a", "an", "the", "to", "my", "me", "i", "of", "for", "is", "it", "on", "in", "at", "and", "from",
                                   "this", "that", "do", "what", "please", "can", "you", "are", "be", "with", "by", "up", "all",
                                   "any", "have", "there", "how", "which", "who", "some", "its", "one", "s"]
        var seen = Set<String>()
        var words: [String] = []
        // First the words of each template's first sentence (how the action is usually said), then the other sentences'.
        let expanded = catalog.subsystems.map { ActionCatalog(subsystems: [$0]).expandedSentences(language: "en", limitPerTemplate: 8) }
        for firstOnly in [true, false] {
            var lists: [[String]] = []
            for sentences in expanded {
                var list: [String] = []
                var templates = Set<String>()
                for sentence in sentences where templates.insert(sentence.template).inserted || !firstOnly {
                    for word in TextNormalizer.words(sentence.text) where !common.contains(word) && word.allSatisfy(\.isLetter) {
                        if seen.insert(word).inserted { list.append(word) }
                    }
                }
                lists.append(list)
            }
            for i in 0..<(lists.map(\.count).max() ?? 0) {
                for list in lists where i < list.count { words.append(list[i]) }
            }
        }
        var names: [String] = []
        for (_, list) in entities.sorted(by: { $0.key < $1.key }) {
            for name in list where name.unicodeScalars.allSatisfy({ $0.isASCII }) && seen.insert(name.lowercased()).inserted {
                names.append(name)
            }
        }
        // Spaces, not commas: a comma is a token of its own, and the prompt's budget is tokens.
        return (names + words.prefix(limit)).joined(separator: " ")
    }

    /// The grammar `relay listen` builds (``VoiceLoop/commandGrammar(catalog:entityNames:wakePhrase:)``), compiled
    /// by the recognizer against its dictionary: the text printed is the text pocketsphinx gets.
    private func printSpeechGrammar(_ catalog: ActionCatalog, dispatcher: Dispatcher) async throws {
        let grammar = VoiceLoop.commandGrammar(
            catalog: catalog, entityNames: await dispatcher.entityNames(), wakePhrase: wakePhrase.flatMap(WakePhrase.init))
        do {
            let recognizer = try await PocketSphinxRecognizer(configuration: VoiceLoop.defaultRecognizer)
            print(try await recognizer.compile(grammar).jsgf, terminator: "")
        } catch {
            printError("actions", "cannot compile the speech grammar: \(error)")
            throw ExitCode.failure
        }
    }
}
