import Foundation
public import RelayKit
public import RelayMedia
public import RelaySpeech

/// The voice command loop: audio → voice activity → recognition → model → dispatch → reply, as a stream of events.
///
/// ```swift
/// let loop = try await VoiceLoop(runner: CommandRunner(dispatcher: dispatcher))
/// for try await event in loop.run(try AudioCapture(device: "default").chunks()) { print(event.line ?? "") }
/// ```
///
/// Recognition is constrained by a grammar compiled from the installed actions' sentence templates and the
/// live entity names (``CommandGrammar``), rebuilt after a command changes those names. Utterances the
/// recognizer rejects (speech that is not a command, noise) dispatch nothing. Cancelling the consuming
/// task (Ctrl-C) cancels the audio source, which closes the device.
public final class VoiceLoop: Sendable {
    /// How the loop behaves.
    public struct Configuration: Sendable {
        /// Only utterances starting with this phrase are commands.
        public var wakePhrase: WakePhrase?
        /// Stop after the first utterance recognized as a command.
        public var once: Bool
        /// Confirm destructive actions without asking (`--yes`).
        public var confirmsEverything: Bool
        /// Ask questions (confirmation, missing arguments) by voice; otherwise they end the command unanswered.
        public var asksByVoice: Bool
        /// Voice activity detection tuning.
        public var voiceActivity: VoiceActivityDetector.Configuration
        /// Recognizer models and rejection threshold.
        public var recognizer: PocketSphinxRecognizer.Configuration
        /// The recognizer that hears commands instead of the embedded pocketsphinx: a Wyoming server
        /// (``WyomingRecognizer``, Whisper) or an OpenAI-compatible one (``HTTPTranscriptionRecognizer``). Its
        /// transcripts are open-vocabulary, so understanding alone decides what is a command. Answers to questions
        /// (yes / no, a missing value) are still heard by pocketsphinx under a small grammar.
        public var speechRecognizer: (any SpeechRecognizer)?
        /// Whether an action that changes state, heard by an open-vocabulary recognizer (``speechRecognizer``), is read
        /// back and done only after a yes ("Set an alarm at a time of day (time 06:50)? Say yes or no."). Whisper gives
        /// no confidence, and on voices it hears badly a misheard number is an exact sentence with a wrong value
        /// ("wake me up at 15"); `--yes` answers for the user.
        public var readsBackOpenVocabularyWrites = true
        /// Which other changes are read back first: by default those understood through a phonetic repair or a weak
        /// score (``ReadBackPolicy``).
        public var readBack = ReadBackPolicy()

        /// Creates a configuration.
        public init(wakePhrase: WakePhrase? = nil, once: Bool = false, confirmsEverything: Bool = false, asksByVoice: Bool = true,
                    voiceActivity: VoiceActivityDetector.Configuration = .init(),
                    recognizer: PocketSphinxRecognizer.Configuration = VoiceLoop.defaultRecognizer,
                    speechRecognizer: (any SpeechRecognizer)? = nil) {
            self.wakePhrase = wakePhrase
            self.once = once
            self.confirmsEverything = confirmsEverything
            self.asksByVoice = asksByVoice
            self.voiceActivity = voiceActivity
            self.recognizer = recognizer
            self.speechRecognizer = speechRecognizer
        }
    }

    /// The recognizer settings of the loop: RelaySpeech's own.
    ///
    /// Measured on the spoken corpus (with the earlier phone-loop rejection): raising `comfortNoise` from 0.001
    /// to 0.03–0.06 accepted many more espeak-ng commands but made 13–15 of 45 non-command clips dispatch
    /// something, so the safer default stays.
    public static var defaultRecognizer: PocketSphinxRecognizer.Configuration { PocketSphinxRecognizer.Configuration() }

    /// Runs the commands.
    public let runner: CommandRunner
    /// The configuration.
    public let configuration: Configuration
    /// The command recognizer (grammar of the installed actions).
    public let recognizer: PocketSphinxRecognizer
    /// What hears commands: ``Configuration/speechRecognizer`` if set, else ``recognizer``.
    public var commandRecognizer: any SpeechRecognizer { configuration.speechRecognizer ?? recognizer }
    private let prompts: PromptRecognizer
    private let grammarState: GrammarState

    /// The grammar the loop's recognizer loads for `catalog`, `entityNames` and `wakePhrase` (`relay actions --jsgf`
    /// prints it compiled).
    public static func commandGrammar(catalog: ActionCatalog, entityNames: EntityNames, wakePhrase: WakePhrase?) -> RecognitionGrammar {
        CommandGrammar.make(catalog: catalog, entityNames: entityNames, wakePhrase: wakePhrase.map { $0.words.joined(separator: " ") })
    }

    /// Loads the recognizer and compiles the grammar of `runner`'s installed actions with the current entity names.
    public init(runner: CommandRunner, configuration: Configuration = Configuration()) async throws {
        self.runner = runner
        self.configuration = configuration
        let names = await runner.dispatcher.entityNames()
        let grammar = Self.commandGrammar(catalog: runner.dispatcher.catalog, entityNames: names, wakePhrase: configuration.wakePhrase)
        recognizer = try await PocketSphinxRecognizer(configuration: configuration.recognizer, grammar: grammar)
        prompts = PromptRecognizer(configuration: configuration.recognizer)
        grammarState = GrammarState(names: names)
    }

    /// Recompiles the grammar if the entity names (albums, contacts) changed since it was built.
    public func refreshGrammar() async throws {
        let names = await runner.dispatcher.entityNames()
        guard await grammarState.update(names) else { return }
        try await recognizer.setGrammar(Self.commandGrammar(
            catalog: runner.dispatcher.catalog, entityNames: names, wakePhrase: configuration.wakePhrase))
    }

    /// Listens to `audio` (16 kHz mono chunks) and carries out each command; the stream ends with the audio,
    /// after the first command with ``Configuration/once``, or when the consumer stops iterating.
    public func run<Audio: AsyncSequence & Sendable>(_ audio: Audio) -> AsyncThrowingStream<VoiceEvent, any Error>
    where Audio.Element == AudioChunk {
        let (stream, continuation) = AsyncThrowingStream<VoiceEvent, any Error>.makeStream()
        let source = UtteranceSource(audio.voiceActivity(configuration.voiceActivity))
        let task = Task {
            do {
                continuation.yield(.listening)
                try await self.listen(source) { continuation.yield($0) }
                continuation.finish()
            } catch is CancellationError {
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Recognizes one utterance and carries it out: what `run` does per utterance (also used by the benchmark).
    ///
    /// Returns nil when the utterance was not accepted as a command (nothing was dispatched); it then still ends with a
    /// `not_understood` outcome event, as does an utterance the recognizer failed on (a speech server that is down,
    /// slow or broken: an `error` event says why, and the loop goes on with the next utterance).
    /// Questions (confirmation, missing arguments) are not asked here: there is no next utterance to answer them.
    @discardableResult
    public func handle(_ utterance: Utterance, emit: @escaping @Sendable (VoiceEvent) -> Void = { _ in }) async throws -> CommandOutcome? {
        try await handle(utterance, source: nil, emit: emit)
    }

    func handle(_ utterance: Utterance, source: UtteranceSource?,
                emit: @escaping @Sendable (VoiceEvent) -> Void) async throws -> CommandOutcome? {
        let transcript: Transcript
        do {
            transcript = try await commandRecognizer.transcribe(utterance)
        } catch {
            try Task.checkCancellation()
            if error is CancellationError { throw error }
            emit(.error("\(error)"))
            emit(.outcome(CommandOutcome(transcript: "", toolCall: nil, status: .notUnderstood,
                                         reply: "I could not make out what was said: speech recognition failed.")))
            return nil
        }
        var text: String? = transcript.isActionable && Self.freeTextIsAnchored(transcript, utterance) ? transcript.text : nil
        if let wake = configuration.wakePhrase, let heard = text { text = wake.command(in: heard) }
        emit(.transcript(text: transcript.text, confidence: transcript.confidence, accepted: text != nil))
        guard let command = text else {
            // Every utterance ends with one outcome: speech that is not a command is answered by silence, not ignored
            // in the record.
            emit(.outcome(CommandOutcome(transcript: transcript.text, toolCall: nil, status: .notUnderstood, reply: "")))
            return nil
        }
        let interaction: any CommandInteraction
        if let source, configuration.asksByVoice, !configuration.confirmsEverything {
            interaction = VoiceInteraction(source: source, prompts: prompts, entityNames: await grammarState.names, emit: emit)
        } else {
            interaction = UnattendedInteraction(confirmsEverything: configuration.confirmsEverything)
        }
        // Words from a recognizer without a confidence (Whisper) are read back before a change is made.
        let readBack = transcript.isOpenVocabulary && configuration.readsBackOpenVocabularyWrites ? .always : configuration.readBack
        let outcome = await runner.run(command, origin: .voice, interaction: interaction, readBack: readBack,
                                       recognizerConfidence: transcript.isOpenVocabulary ? nil : transcript.confidence, emit: emit)
        if outcome.status == .done {
            do { try await refreshGrammar() } catch { emit(.error("Could not rebuild the speech grammar: \(error)")) }
        }
        return outcome
    }

    /// Most of an utterance with free text must still be template words: free text is decoded over a phone
    /// loop, which fits anything, so "tell mum" followed by two seconds of other speech is not a message.
    static func freeTextIsAnchored(_ transcript: Transcript, _ utterance: Utterance) -> Bool {
        guard !transcript.freeText.isEmpty else { return true }
        guard let d = transcript.diagnostics else { return false }
        let templateSeconds = Double(d.wordFrames) / 100
        return templateSeconds >= 0.45 * max(utterance.duration, 0.01)
    }

    private func listen(_ source: UtteranceSource, emit: @escaping @Sendable (VoiceEvent) -> Void) async throws {
        while let event = try await source.next() {
            try Task.checkCancellation()
            switch event {
            case .speechStart(let time):
                emit(.speechStart(time: time))
            case .speechEnd(let utterance):
                emit(.speechEnd(time: utterance.endTime, duration: utterance.duration))
                let outcome = try await handle(utterance, source: source, emit: emit)
                if outcome != nil, configuration.once { return }
            }
        }
    }
}

/// The entity names the current grammar was built with.
actor GrammarState {
    private(set) var names: EntityNames

    init(names: EntityNames) { self.names = names }

    /// Records `new`; true when it differs from what the grammar was built with.
    func update(_ new: EntityNames) -> Bool {
        guard new != names else { return false }
        names = new
        return true
    }
}
