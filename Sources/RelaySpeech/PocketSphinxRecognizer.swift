import Foundation

/// Local speech recognition with pocketsphinx, constrained by a ``RecognitionGrammar``, rejecting speech that is not a command.
///
/// One decoder per recognizer, on its own serial queue: pocketsphinx is not thread-safe and a decode is a
/// blocking call of 10–500 ms, which must not hold a thread of Swift's cooperative pool. Create one and share it.
///
/// Each utterance is decoded twice: under the grammar, and with a phone loop; the per-frame acoustic gap
/// between them decides whether it was a command (see ``Configuration/rejectionThreshold``). Free-text slots
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
        /// Largest acoustic gap per word frame (phone loop minus grammar, log base 1.0001) still accepted as a command.
        ///
        /// Measured with Debian's en-us model (debug build, 2026-11): espeak-ng commands in three voices scored
        /// −7 to 32 (mean 17), real human in-grammar speech (pocketsphinx's "cards" recordings under their grammar)
        /// 3 to 17; non-command speech that the grammar search did not refuse outright scored 29 to 65 (librivox
        /// 52–64, ALSA's "Front Left" 29, "Rear Right" 42, "go forward ten meters" 49, espeak-ng "play some music"
        /// 35, "turn on the television please" 28). Most other non-command audio never reaches the grammar's end
        /// and is rejected as ``Transcript/Rejection/noSpeech``. 33 keeps every measured command and rejects all
        /// but two of the non-commands; raise it for noisy rooms, lower it where false accepts cost more.
        public var rejectionThreshold: Double = 33
        /// Utterances whose loudest 10 ms is below this level (dBFS) are rejected without decoding.
        public var minimumLevelDB: Double = -50
        /// More pocketsphinx arguments (`["-beam": "1e-60"]`), applied over Relay's.
        public var extraArguments: [String: String] = [:]

        /// The Debian model paths and measured thresholds.
        public init() {}

        /// Confidence in [0, 1] for a gap: 1 at a perfect fit, 0.5 at the threshold, falling beyond it.
        public func confidence(forGap gap: Double) -> Double {
            let scale = max(1, rejectionThreshold / 4)
            return 1 / (1 + exp((gap - rejectionThreshold) / scale))
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
