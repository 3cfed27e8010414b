import ArgumentParser
import Foundation
import RelayAgent
import RelayKit
import RelayMedia
import RelayPlugins
import RelaySpeech

/// `relay listen`: Listen for spoken commands and carry them out.
struct ListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Listen for spoken commands and carry them out.",
        discussion: """
            Captures from the microphone (ALSA) by default, or reads --input FILE (any audio file; decoded to 16 kHz \
            mono) or --input - (raw 16 kHz mono S16LE on stdin). Each utterance is recognized with a grammar made from \
            the installed actions' sentences and carried out; speech that is not a command is ignored. Destructive \
            actions are confirmed by voice ("Say yes or no") unless --yes. With --json, one JSON object per step; each \
            command ends with its outcome {"transcript", "tool_call", "status", "reply"}. While it listens the phone \
            keeps time as relay run does: due timers and alarms are printed ({"event": "phone", …}) and spoken with \
            --speak. Ctrl-C stops. Every utterance ends with one outcome; speech that is not a command ends \
            not_understood, with nothing said back.
            --asr wyoming://HOST:PORT hears commands with a Wyoming server instead of pocketsphinx (Whisper: \
            Samples/scripts/speech-server.sh start, then --asr wyoming://127.0.0.1:10300); http://HOST:PORT uses an \
            OpenAI-compatible transcription server. A server that is down or fails ends that utterance with an error \
            and the loop goes on. --tts wyoming://HOST:PORT speaks replies with a Wyoming server (wyoming-piper).
            Example: relay listen --input command.wav --once --json --asr wyoming://127.0.0.1:10300
            """
    )

    @Option(help: ArgumentHelp("ALSA capture device.", valueName: "name"))
    var device = "default"

    @Option(help: ArgumentHelp("Read audio from a file instead of the microphone; - reads raw 16 kHz S16LE mono from stdin.",
                               valueName: "file"))
    var input: String?

    @Flag(help: "Stop after the first command.")
    var once = false

    @Flag(help: "Speak replies and questions (espeak-ng through ALSA).")
    var speak = false

    @Option(help: ArgumentHelp("Only utterances starting with this phrase are commands, e.g. \"hey relay\".", valueName: "text"))
    var wakePhrase: String?

    @Flag(name: [.long, .customShort("y")], help: "Confirm destructive actions without asking.")
    var yes = false

    @Flag(help: "Print each step and each outcome as JSON lines.")
    var json = false

    @Option(help: ArgumentHelp("Speech recognizer: pocketsphinx (embedded, the default), wyoming://HOST:PORT or http://HOST:PORT (default: $RELAY_ASR).",
                               valueName: "service"))
    var asr: String?

    @Option(help: ArgumentHelp("Speech synthesizer for --speak: espeak-ng (the default) or wyoming://HOST:PORT (default: $RELAY_TTS).",
                               valueName: "service"))
    var tts: String?

    @Option(help: ArgumentHelp("Seconds a speech server may take per utterance.", valueName: "seconds"))
    var asrTimeout: Double = 30

    func validate() throws {
        guard asrTimeout > 0, asrTimeout.isFinite else { throw ValidationError("--asr-timeout must be a positive number of seconds") }
        _ = try speechServices()
    }

    /// The recognizer and synthesizer services chosen by the options or the environment.
    func speechServices() throws -> (asr: SpeechService, tts: SpeechService) {
        let environment = ProcessInfo.processInfo.environment
        do {
            return (try SpeechService(parsing: asr ?? environment["RELAY_ASR"] ?? ""),
                    try SpeechService(parsing: tts ?? environment["RELAY_TTS"] ?? ""))
        } catch {
            throw ValidationError("\(error)")
        }
    }

    @OptionGroup var home: HomeOptions

    @OptionGroup var model: ModelOptions

    func run() async throws {
        var wake: WakePhrase?
        if let wakePhrase {
            guard let w = WakePhrase(wakePhrase) else { throw ValidationError("--wake-phrase needs at least one word.") }
            wake = w
        }
        let audio: AsyncThrowingStream<AudioChunk, any Error>
        do {
            audio = try openAudio()
        } catch {
            printError("listen", "\(error)")
            throw ExitCode.failure
        }
        let clock = SystemPhoneClock()
        let dispatcher = Dispatcher(subsystems: await PhoneSubsystems.load(home: home.url, command: "listen").subsystems,
                                    home: home.url, now: { clock.now() })
        let services = try speechServices()
        let timeout = Duration.milliseconds(Int64(asrTimeout * 1000))
        let loop: VoiceLoop
        do {
            loop = try await VoiceLoop(
                runner: try await model.commandRunner(dispatcher: dispatcher, home: home.url),
                configuration: .init(wakePhrase: wake, once: once, confirmsEverything: yes,
                                     speechRecognizer: services.asr.recognizer(timeout: timeout)))
        } catch {
            printError("listen", "cannot start speech recognition: \(error)")
            throw ExitCode.failure
        }
        let speaker = speak ? ReplySpeaker(device: "default", synthesizer: try services.tts.synthesizer(timeout: timeout)) : nil
        // The phone keeps time while Relay listens: timers and alarms are printed (and spoken) as they fall due.
        let json = self.json
        // What fell due while Relay was not running is told before listening starts.
        for event in await dispatcher.passTime(catchUp: true) {
            SayCommand.print(.phone(event), json: json)
            if event.announce, let speaker { await speaker.say(event.message) }
        }
        let keepingTime = Task {
            for await event in PhoneHeartbeat(dispatcher: dispatcher, clock: clock).events(catchUp: false) {
                SayCommand.print(.phone(event), json: json)
                if event.announce, let speaker { await speaker.say(event.message) }
            }
        }
        defer { keepingTime.cancel() }
        // Ctrl-C cancels the loop's task: the audio source stops and the ALSA device closes before exit.
        let listening = Task {
            for try await event in loop.run(audio) {
                SayCommand.print(event, json: json)
                if let speaker {
                    switch event {
                    case .reply(let text) where !text.isEmpty: await speaker.say(text)
                    case .prompt(let text): await speaker.say(text)
                    default: break
                    }
                }
            }
        }
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { listening.cancel() }
        interrupt.resume()
        defer { interrupt.cancel() }
        do {
            try await listening.value
        } catch is CancellationError {
        } catch {
            printError("listen", "\(error)")
            throw ExitCode.failure
        }
    }

    /// The audio to listen to: the file, stdin, or the capture device.
    func openAudio() throws -> AsyncThrowingStream<AudioChunk, any Error> {
        switch input {
        case "-"?:
            return RawAudioInput.standardInput()
        case let path?:
            let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ValidationError("\(path): no such file.")
            }
            return try AudioDecoder(url: url).chunks(seconds: 0.1)
        case nil:
            return try AudioCapture(device: device).chunks()
        }
    }
}

/// Speaks replies with espeak-ng through ALSA playback; a failure is reported once and speaking stops.
actor ReplySpeaker {
    private let device: String
    private let synthesizer: any SpeechSynthesizer
    private var failed = false

    init(device: String, synthesizer: any SpeechSynthesizer = EspeakSynthesizer()) {
        self.device = device
        self.synthesizer = synthesizer
    }

    func say(_ text: String) async {
        guard !failed else { return }
        do {
            let speech = try await synthesizer.synthesize(text)
            let playback = try AudioPlayback(device: device, format: AudioFormat(sampleRate: speech.sampleRate, channels: 1))
            try await playback.play(speech.samples)
            await playback.close()
        } catch {
            failed = true
            printError("listen", "cannot speak the reply (\(error)); going on silently.")
        }
    }
}
