import Foundation

/// Local speech recognition with pocketsphinx, constrained by a ``RecognitionGrammar``, rejecting speech that is not a command.
///
/// One decoder per recognizer, on its own serial queue: pocketsphinx is not thread-safe and a decode is a
/// blocking call of 10–500 ms, which must not hold a thread of Swift's cooperative pool. Create one and share it.
///
/// Each utterance is decoded twice: under the grammar, and with a phone loop; the per-frame acoustic gap
/// between them (with the phone loop's own fit) decides whether it was a command (see
/// ``Configuration/rejectionThreshold``). Free-text slots
/// are decoded a third time, with the general language model, over the frames the grammar gave them.
/// Without a grammar, ``transcribe(_:sampleRate:)`` decodes with the language model only (open vocabulary).
public final class PocketSphinxRecognizer: SpeechRecognizer {
    /// The sample rate of the acoustic model; other rates are resampled.
    public static let sampleRate = 16_000

    /// Where the models are and how strict rejection is.
    public struct Configuration: Sendable, Hashable {
        /// Acoustic model folder.
        public var acousticModel = "/usr/share/pocketsphinx/model/en-us/en-us"
        /// Pronunciation dictionary.
        public var dictionary = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"
        /// General language model, for free text and open-vocabulary decoding (loaded on first use).
        public var languageModel = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"
        /// Phone language model of the phone loop used for rejection.
        public var phoneLanguageModel = "/usr/share/pocketsphinx/model/en-us/en-us-phone.lm.bin"
        /// Largest rejection score still accepted as a command.
        ///
        /// The score is `gap − phoneFitWeight × phone-loop score` per frame (log base 1.0001, see
        /// ``Transcript/Diagnostics``). Both numbers were fitted on a corpus of 166 utterances (Debian's en-us
        /// model, a grammar of 6 templates and 26 slot values): 120 espeak-ng commands (4 voices × 140 and 190 wpm)
        /// and 46 non-commands (32 espeak-ng sentences, the 5 librivox and 9 ALSA recordings). The gap alone
        /// separated them at best 89 % / 90 %; with the phone-loop term (weights 0.2–0.5 did equally well) about
        /// 95 % / 95 %. With the defaults (comfort noise, trimming, wide grammar beams) the last measurement gave:
        /// 118 of 120 commands transcribed right, 109 accepted (107 right and accepted); 45 of 46 non-commands
        /// rejected — the one accepted was ALSA's "Front Left" heard as "turn on flashlight" (score 37.0).
        /// Raise it for noisy rooms or unusual voices; lower it where a false accept costs more than a repeat.
        public var rejectionThreshold: Double = 37.5
        /// Weight of the phone loop's own per-frame score in the rejection score.
        public var phoneFitWeight: Double = 0.3
        /// Utterances whose loudest 10 ms is below this level (dBFS) are rejected without decoding.
        public var minimumLevelDB: Double = -50
        /// Beams of the grammar search, wider than pocketsphinx's defaults (1e-48, 1e-48, 7e-29).
        ///
        /// With the defaults the search lost the grammar's final state (no hypothesis at all) on about one
        /// espeak-ng command in ten ("take a picture", "open the camera"); decoding only those again with wide
        /// beams was tried and rejected non-commands worse (32 of 46 instead of 44), because the scores of the
        /// narrow search are not comparable. The phone loop keeps the defaults, so its score stays a cheap reference.
        public var grammarBeams: [String: Double] = ["-beam": 1e-80, "-pbeam": 1e-80, "-wbeam": 1e-60]
        /// Peak amplitude of white noise added before decoding (0.001 ≈ −65 dBFS RMS; 0 turns it off).
        ///
        /// Synthetic speech (espeak-ng) has digitally silent gaps that the acoustic model, trained on recordings,
        /// never saw: with this faint noise floor 118 instead of 105 of 120 espeak-ng commands were transcribed
        /// right, and more non-commands were rejected (46 of 46 instead of 44). A real microphone's own noise is
        /// far louder, so recorded speech is unaffected; louder comfort noise (−50 dBFS) started to cost rejection.
        public var comfortNoise: Float = 0.001
        /// Whether silence around the words is cut before decoding (it skews pocketsphinx's cepstral normalisation).
        public var trimsSilence = true
        /// More pocketsphinx arguments (`["-beam": "1e-60"]`), applied over Relay's.
        public var extraArguments: [String: String] = [:]

        /// The Debian model paths and measured thresholds.
        public init() {}

        /// The rejection score of an utterance from its acoustic gap and phone-loop score (both per frame).
        public func rejectionScore(gap: Double, phoneLoopScore: Double) -> Double {
            gap - phoneFitWeight * phoneLoopScore
        }

        /// Confidence in [0, 1] for a rejection score: near 1 for a close fit, 0.5 at the threshold, falling beyond it.
        public func confidence(forScore score: Double) -> Double {
            let scale = max(1, rejectionThreshold / 8)
            return 1 / (1 + exp((score - rejectionThreshold) / scale))
        }
    }

    /// The configuration in use.
    public let configuration: Configuration
    private let queue: DecoderQueue

    /// Loads the models (about a second) and, if given, compiles `grammar`.
    public init(configuration: Configuration = Configuration(), grammar: RecognitionGrammar? = nil) async throws {
        self.configuration = configuration
        queue = DecoderQueue()
        try await queue.start { try RecognitionEngine(configuration: configuration) }
        if let grammar { try await setGrammar(grammar) }
    }

    /// Compiles and activates a grammar (call again when slot lists such as album or contact names change).
    ///
    /// If it fails, the previous grammar stays active.
    @discardableResult
    public func setGrammar(_ grammar: RecognitionGrammar) async throws -> GrammarReport {
        try await queue.run { engine in try engine.setGrammar(grammar) }
    }

    /// Transcribes under the active grammar, rejecting speech and noise that do not fit it.
    public func transcribe(_ utterance: [Float], sampleRate: Int) async throws -> Transcript {
        try await queue.run { engine in try engine.recognize(utterance, sampleRate: sampleRate) }
    }

    /// Transcribes with the general language model, ignoring the grammar (dictation; poor on synthetic voices).
    public func transcribeOpenVocabulary(_ utterance: [Float], sampleRate: Int) async throws -> Transcript {
        try await queue.run { engine in try engine.recognizeOpenVocabulary(utterance, sampleRate: sampleRate) }
    }
}

/// The serial queue that owns a ``RecognitionEngine``.
///
/// `@unchecked Sendable` is safe: `engine` is read and written only inside blocks on `queue`, a serial queue.
final class DecoderQueue: @unchecked Sendable {
    private let queue = DispatchQueue(label: "relay.speech.pocketsphinx", qos: .userInitiated)
    private var engine: RecognitionEngine?

    func start(_ make: @escaping @Sendable () throws -> RecognitionEngine) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                do {
                    self.engine = try make()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (inout RecognitionEngine) throws -> T) async throws -> T {
        try Task.checkCancellation()
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                guard var engine = self.engine else {
                    continuation.resume(throwing: SpeechError(.initFailed, operation: "using the recognizer",
                                                              underlying: "the models were not loaded"))
                    return
                }
                do {
                    let result = try body(&engine)
                    self.engine = engine
                    continuation.resume(returning: result)
                } catch {
                    self.engine = engine
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
