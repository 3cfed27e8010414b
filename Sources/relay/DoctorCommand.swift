import ArgumentParser
import Foundation
import RelayJSON
import RelayKit
import RelayLanguage
import RelaySentenceEncoder
import RelaySpeech

/// `relay doctor`: which models Relay uses, where they are, and the state of the understanding cache.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Show the models in use, their paths and the understanding cache.",
        discussion: """
            The language model (the embedded Qwen2.5-VL stub or a server), the sentence encoder that understands \
            commands no template covers ($RELAY_MODELS, default ~/.local/share/relay/models/all-MiniLM-L6-v2), the \
            cache of the actions' embedded sentences, and the speech recognizer's model files. Loading the encoder \
            fills the cache if it is cold. Exit status 0 when the encoder is in use, 1 when understanding falls back \
            to templates only.
            """
    )

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var home: HomeOptions

    @OptionGroup var model: ModelOptions

    func run() async throws {
        let subsystems = await PhoneSubsystems.load(home: home.url, command: "doctor").subsystems
        // The catalog commands understand with: the dispatcher's, which adds the phone's own actions (undo, redo), so
        // the cache reported is the one `relay say` uses.
        let catalog = Dispatcher(subsystems: subsystems, home: home.url).catalog
        let setup = await Understanding.setup(catalog: catalog)
        let speech = PocketSphinxRecognizer.Configuration()
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

        var encoder = JSONObject()
        encoder["model"] = .string(setup.encoder?.modelIdentity ?? "all-MiniLM-L6-v2")
        encoder["path"] = .string(setup.modelDirectory.path)
        encoder["in_use"] = .bool(setup.encoder != nil)
        if let e = setup.encoder { encoder["backend"] = .string(e.backend.rawValue) }
        if let problem = setup.problem { encoder["problem"] = .string(problem) }
        encoder["load_seconds"] = .double((setup.loadSeconds * 1000).rounded() / 1000)
        var cache = JSONObject()
        if let e = setup.embeddings {
            cache["path"] = .string(e.cacheFile?.path ?? "")
            cache["state"] = .string("\(e.cacheState)")
            cache["sentences"] = .int(e.entries.count)
            cache["actions"] = .int(e.actionNames.count)
            cache["key"] = .string(e.key)
        } else {
            cache["path"] = .string(ActionEmbeddings.defaultCacheDirectory(modelDirectory: setup.modelDirectory).path)
            cache["state"] = .string("not used")
        }
        var recognizer = JSONObject()
        for (key, path) in [("acoustic_model", speech.acousticModel), ("dictionary", speech.dictionary),
                            ("language_model", speech.languageModel)] {
            recognizer[key] = .object(["path": .string(path), "present": .bool(exists(path))])
        }
        var report = JSONObject()
        report["home"] = .string(home.url.path)
        report["language_model"] = .string(model.summary)
        report["understanding"] = .string(setup.encoder != nil ? "templates first, then the sentence encoder" : "templates only")
        report["sentence_encoder"] = .object(encoder)
        report["understanding_cache"] = .object(cache)
        report["speech_recognizer"] = .object(["engine": .string("pocketsphinx"), "files": .object(recognizer)])
        var repair = JSONObject()
        repair["in_use"] = .bool(setup.matcher.phoneticRepair != nil)
        repair["dictionary"] = .string(PronouncingDictionary.debianPath)
        if let r = setup.matcher.phoneticRepair { repair["vocabulary_words"] = .int(r.vocabularyCount); repair["threshold"] = .double(r.threshold) }
        report["phonetic_repair"] = .object(repair)

        if json {
            print(JSONValue.object(report).compactJSON)
        } else {
            print("home:                \(home.url.path)")
            print("language model:      \(model.summary)")
            print("understanding:       \(report["understanding"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? "")")
            if let e = setup.encoder {
                print("sentence encoder:    \(e.modelIdentity) (\(e.backend.rawValue)) at \(e.modelDirectory.path), loaded in \(String(format: "%.0f", setup.loadSeconds * 1000)) ms")
            } else {
                print("sentence encoder:    not in use: \(setup.problem ?? "?")")
                print("                     expected at \(setup.modelDirectory.path); fetch it with Samples/scripts/fetch-models.sh")
            }
            if let e = setup.embeddings {
                print("understanding cache: \(e.cacheFile?.path ?? "none") — \(e.entries.count) sentences of \(e.actionNames.count) actions, \(e.cacheState)")
            }
            if let r = setup.matcher.phoneticRepair {
                print("phonetic repair:     \(r.vocabularyCount) template words, threshold \(r.threshold), from \(PronouncingDictionary.debianPath)")
            } else {
                print("phonetic repair:     off (\(Understanding.repairIsDisabled ? "RELAY_REPAIR=off" : "no dictionary at \(PronouncingDictionary.debianPath)"))")
            }
            print("speech recognizer:   pocketsphinx")
            for (name, path) in [("acoustic model", speech.acousticModel), ("dictionary", speech.dictionary), ("language model", speech.languageModel)] {
                print("  \(name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(path)\(exists(path) ? "" : " (missing)")")
            }
        }
        if setup.encoder == nil { throw ExitCode.failure }
    }
}
