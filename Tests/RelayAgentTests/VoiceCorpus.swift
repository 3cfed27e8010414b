import Foundation
import RelayTestSupport
import RelayAgent
import RelayKit
import RelayMedia
import RelayModel

/// Spoken commands covering every built-in action, said the way the sentence templates allow, numbers in words.
///
/// Live state while they are heard: albums Trip, Family, Cats; contacts Anna Smith (anna), Bob Jones, Maria Lopez (mom), …
let spokenCommands: [String] = [
    // Settings
    "turn on wifi", "turn off bluetooth", "enable do not disturb", "turn airplane mode on", "switch off dark mode",
    "set bluetooth to on", "toggle wifi", "flip dark mode", "is wifi on", "is bluetooth enabled",
    "what is the airplane mode status", "set the brightness to fifty percent", "set the volume to thirty percent",
    "volume to seventy", "turn the volume up", "turn the brightness down by twenty percent", "increase the volume",
    "dim the brightness", "make it louder", "mute the phone", "max brightness", "what is the volume",
    "tell me the brightness", "show me the settings", "what are the current settings",
    // Clock
    "set an alarm for seven thirty", "set an alarm for six a m", "wake me up at eight fifteen", "alarm at noon",
    "set an alarm for quarter past nine", "set an alarm for ten p m", "cancel the alarm at seven thirty", "turn the alarm at seven thirty back on",
    "delete the alarm for six a m", "cancel all alarms", "delete all my alarms", "show my alarms", "what alarms do i have",
    "do i have any alarms set", "set a timer for ten minutes", "set a timer for five minutes", "start a timer for half an hour",
    "set a twenty minute timer", "timer for two hours", "remind me in fifteen minutes", "set a timer for ninety seconds",
    "cancel the timer", "stop the timers", "show my timers", "how much time is left", "which timers are running",
    // Messages
    "read my messages", "read messages from anna", "read my unread messages", "what did mom say",
    "do i have new messages from bob", "are there any new messages", "how many unread messages do i have",
    "how many new messages from anna", "check my unread messages", "show my contacts", "who is in my contacts",
    "who can i text", "send anna a message saying hello", "text bob saying see you soon", "send a message to mom saying i love you",
    "add a contact called peter", "add susan to my contacts",
    // Photos
    "show my photos", "show my videos", "show my photos from yesterday", "show me pictures taken last week",
    "find videos from march", "show my favorites", "show my favorite videos", "show me the family album",
    "show me recently deleted", "show me what i took today", "show my albums", "what albums do i have",
    "create an album called summer", "new album beach", "favorite this photo", "favorite photo seven",
    "favorite the videos from yesterday", "add this photo to my favorites", "unfavorite this photo",
    "unfavorite photo four", "delete this photo", "delete photo nine", "delete the photos from yesterday",
    "trash the last video", "recover this photo", "restore photo five", "undelete everything",
    "empty the recently deleted folder", "empty the trash", "add the last photo to trip",
    "add photos from yesterday to the album cats", "add photo twelve to family", "remove this photo from the album trip",
    "take photo three out of family", "delete the album trip", "remove the cats album", "import photos from downloads",
    "rename the album family to relatives",
    // Camera
    "take a photo", "take a picture", "snap a selfie", "record a video", "record a video for two minutes",
    "start recording", "camera status", "what is the camera looking at", "use street as the camera source",
]

/// Sentences that are not commands, said by espeak-ng: speech the loop must not act on.
let spokenNonCommands: [String] = [
    "the weather is lovely today", "i think we should meet at the library tomorrow", "my brother bought a new car",
    "could you pass the salt please", "the quick brown fox jumps over the lazy dog", "what a beautiful morning it is",
    "she sells sea shells by the sea shore", "the meeting has been moved to thursday afternoon",
    "i would like a cup of coffee", "the train to london leaves at noon", "we are going hiking in the mountains",
    "please remember to water the plants", "the children are playing in the garden", "dinner will be ready soon",
    "he read the newspaper on the bus", "the museum opens at nine", "it might rain later this evening",
    "our team won the game last night", "this book is really interesting", "let us go for a walk by the river",
]

/// The expected call of a spoken command: what the text skill makes of the same words.
struct SpokenExpectation: Sendable {
    var text: String
    var call: ToolCall
    /// Arguments read as free text (names, bodies): speech recognition of free text is open-vocabulary, so
    /// only their presence is checked.
    var freeTextArguments: Set<String>

    /// Whether `heard` is this call: same action, same typed arguments, free-text arguments present.
    func matches(_ heard: ToolCall?) -> Bool {
        guard let heard, heard.name == call.name else { return false }
        let expected = unordered(call.arguments), got = unordered(heard.arguments)
        guard Set(expected.keys) == Set(got.keys) else { return false }
        for (k, v) in expected where !freeTextArguments.contains(k) {
            if got[k] != v { return false }
        }
        return true
    }
}

/// One generated audio file and what it says.
struct CorpusItem: Sendable {
    var url: URL
    var index: Int
    var voice: String
    var speed: Int
    var noisy: Bool
}

/// The spoken corpus, generated once per test process into a temp folder with espeak-ng and sox.
actor VoiceCorpus {
    static let shared = VoiceCorpus()

    static let voices = ["en-us", "en-gb", "en-us+f2"]
    static let speeds = [140, 180]

    struct Generated: Sendable {
        var folder: URL
        var clean: [CorpusItem]
        var noisy: [CorpusItem]
        var nonCommands: [URL]
    }

    private var generated: Task<Generated, any Error>?

    func corpus() async throws -> Generated {
        if let generated { return try await generated.value }
        let task = Task { try await Self.generate() }
        generated = task
        return try await task.value
    }

    static func generate() async throws -> Generated {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relay-voice-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lines: [String] = []
        var clean: [CorpusItem] = []
        var noisy: [CorpusItem] = []
        // The clean set: every command once, the six voice × speed combinations taking turns, so every voice hears a
        // third of the commands and every speed half. The full cross product (684 utterances) is `relay-bench
        // voice-corpus` over Samples/scripts/make-voice-corpus.sh. Recognition is most of the suite's CPU (each
        // utterance is decoded against the grammar, a phone loop and a language model): hearing every command twice,
        // as the suite did, cost about 95 s of CPU for a figure this subset tracks within a few points.
        let combinations = voices.count * speeds.count
        for (v, voice) in voices.enumerated() {
            for (s, speed) in speeds.enumerated() {
                let combination = v * speeds.count + s
                for (i, text) in spokenCommands.enumerated()
                where i % combinations == combination {
                    let id = "c\(v)\(s)_\(i)"
                    lines.append("\(id)\t\(voice)\t\(speed)\tclean\t\(text)")
                    clean.append(CorpusItem(url: folder.appendingPathComponent("\(id).wav"), index: i, voice: voice, speed: speed, noisy: false))
                }
            }
        }
        // The noisy subset: half of the commands, voices and speeds taking turns (each command is heard clean above; half
        // of them again under noise keeps the suite's CPU within CI's budget, and `relay-bench voice-corpus` hears all).
        // A command is in it by its own words (the parity of their bytes' sum), not by its place in the list, so that a
        // command added to the corpus does not change which others are heard.
        var turn = 0
        for (i, text) in spokenCommands.enumerated() where text.utf8.reduce(0, { $0 + Int($1) }) % 2 == 0 {
            defer { turn += 1 }
            let voice = voices[turn % voices.count], speed = speeds[(turn / voices.count) % speeds.count]
            let id = "n_\(i)"
            lines.append("\(id)\t\(voice)\t\(speed)\tnoisy\t\(text)")
            noisy.append(CorpusItem(url: folder.appendingPathComponent("\(id).wav"), index: i, voice: voice, speed: speed, noisy: true))
        }
        var nonCommands: [URL] = []
        for (i, text) in spokenNonCommands.enumerated() {
            let id = "x_\(i)"
            lines.append("\(id)\t\(voices[i % voices.count])\t160\tclean\t\(text)")
            nonCommands.append(folder.appendingPathComponent("\(id).wav"))
        }
        let list = folder.appendingPathComponent("corpus.tsv")
        try lines.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/scripts/make-voice-corpus.sh")
        try await run(script.path, [list.path, folder.path, "2"])

        // Real recordings that are not commands, raw ones converted to WAV, plus noise and silence.
        let data = "/usr/share/pocketsphinx/test/data/"
        for n in ["0870", "0880", "0890", "0920", "0930"] {
            nonCommands.append(URL(fileURLWithPath: data + "librivox/sense_and_sensibility_01_austen_64kb-\(n).wav"))
        }
        for n in 1...5 { nonCommands.append(URL(fileURLWithPath: data + "cards/00\(n).wav")) }
        let alsa = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/share/sounds/alsa")) ?? []
        for name in alsa.sorted() where name.hasSuffix(".wav") {
            nonCommands.append(URL(fileURLWithPath: "/usr/share/sounds/alsa/" + name))
        }
        for raw in ["goforward.raw", "numbers.raw", "something.raw"] {
            let wav = folder.appendingPathComponent(raw + ".wav")
            try await run("/usr/bin/sox", ["-V1", "-t", "raw", "-r", "16000", "-e", "signed", "-b", "16", "-c", "1", data + raw, wav.path])
            nonCommands.append(wav)
        }
        for (k, color) in ["whitenoise", "pinknoise", "brownnoise"].enumerated() {
            for (l, volume) in ["0.05", "0.3"].enumerated() {
                let wav = folder.appendingPathComponent("noise_\(k)_\(l).wav")
                try await run("/usr/bin/sox", ["-V1", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", wav.path, "synth", "3", color, "vol", volume])
                nonCommands.append(wav)
            }
        }
        let silence = folder.appendingPathComponent("silence.wav")
        try await run("/usr/bin/sox", ["-V1", "-n", "-r", "16000", "-c", "1", "-b", "16", silence.path, "trim", "0", "3"])
        nonCommands.append(silence)
        return Generated(folder: folder, clean: clean, noisy: noisy, nonCommands: nonCommands)
    }

    static func run(_ executable: String, _ arguments: [String]) async throws {
        try await Fixtures.tool(executable, arguments)
    }
}
