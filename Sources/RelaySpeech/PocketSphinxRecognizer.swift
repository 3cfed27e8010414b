import Foundation
import RelayCore

/// Local speech recognition with pocketsphinx, constrained by a ``RecognitionGrammar``, rejecting speech that is not a command.
///
/// One decoder per recognizer, on its own serial queue: pocketsphinx is not thread-safe and a decode is a
/// blocking call of 10–500 ms, which must not hold a thread of Swift's cooperative pool. Create one and share it.
///
/// Each utterance is decoded three times: under the grammar, with a phone loop, and with the general language
/// model; how much better the language model's words and the free phones fit the audio than the grammar's
/// sentence decides whether it was a command (see ``Configuration/rejectionThreshold``). Free-text slots are
/// decoded once more, with the language model, over the frames the grammar gave them.
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
        /// The score is `word gap + phoneGapWeight × phone gap`, both per frame (see ``Transcript/Diagnostics``):
        /// how much better the general language model's words and a free phone loop explain the audio than
        /// the grammar's sentence. Free phones fit an unusual voice (espeak-ng's) better than any dictionary word,
        /// so the phone gap alone mostly measures the voice: right commands and non-commands overlapped (gaps of
        /// 14–41 and 23–54, 5th–95th percentiles). Real words carry the voice's mispronunciations as the grammar's
        /// words do, so the word gap measures what was said; at 95 % rejection it accepted twice as many commands.
        ///
        /// Chosen with `relay-bench voice-corpus` on a calibration corpus kept apart from the test corpus: the 114
        /// command sentences said by three other espeak-ng voices (en-gb-x-rp, en-us+m3, en-029 at 150 and 175
        /// wpm), clean and at 10 dB SNR; 20 other non-command sentences in two voices each; the machine's real
        /// recordings and noises. At 0, 98.6 % of the non-command clips were rejected, and 41 % of the clean and
        /// 37 % of the noisy commands were accepted and right (of 66 % whose transcript was right at all). The
        /// optimum for 95 % rejection was 4.75; 0 keeps a margin, because a corpus of other sentences rejected less.
        /// Fits with the phone loop alone, its own score, the passes' language scores, the worst word, speaking
        /// rate, word coverage or a garbage loop inside the grammar did worse. Raise the threshold for a quiet
        /// room; lower it where a false accept costs more than saying it again.
        public var rejectionThreshold: Double = 0
        /// Weight of the phone-loop gap in the rejection score.
        public var phoneGapWeight: Double = 0.25
        /// Settings of the language-model search (`-maxhmmpf`, flags as 0 or 1), which checks every command and
        /// decodes free text; it runs on a second decoder while the first runs the grammar and the phone loop.
        ///
        /// Capping active HMMs (1,500) and words per frame (5) took end-of-speech → dispatch from p95 522 ms to
        /// 354 ms in `relay-bench voice` without moving the calibration (41 → 47 % of clean commands at 98.6 %
        /// rejection); 800 saved only 26 ms more and lost commands. Turning off the fwdflat and bestpath passes
        /// changed its scores so that the threshold no longer separated commands from other speech (4 % of clean
        /// commands accepted at 95 % rejection): recalibrate with `relay-bench voice-corpus` if you change these.
        public var languageModelSettings: [String: Double] = ["-maxhmmpf": 1500, "-maxwpf": 5]
        /// Utterances whose loudest 10 ms is below this level (dBFS) are rejected without decoding.
        public var minimumLevelDB: Double = -50
        /// Beams of the grammar search (`-beam`, `-pbeam`, `-wbeam`); empty keeps pocketsphinx's defaults.
        ///
        /// Wider beams (1e-80) were tried and lost the grammar's final state, so no hypothesis at all, on one
        /// command in four under the full command grammar ("cancel all alarms", "what did mom say"), while the
        /// defaults decoded those right; the defaults are also three times faster.
        public var grammarBeams: [String: Double] = [:]
        /// Probability of each phone of a free-text slot (a message body, a name): a cost per phone.
        ///
        /// At 1 (no cost) "note that {body}" swallowed a quarter of the spoken commands; at 1e-20 messages lost
        /// their final state; 1e-8 gave the most right transcripts (100 of 114 commands, up from 67).
        public var freeTextPhoneProbability: Double = 1e-8
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

        /// The pocketsphinx arguments of every decoder: ``extraArguments`` over Relay's choice of dither.
        ///
        /// The comfort noise already keeps digital silence off log(0), so the dither is on only without it. The
        /// dither's random generator is global to the process: decoders dithering at once (the word reference
        /// beside the grammar decoder, two recognizers in one process) made each other's results depend on timing.
        var decoderArguments: [String: String] {
            ["-dither": comfortNoise > 0 ? "no" : "yes"].merging(extraArguments) { _, given in given }
        }

        /// The rejection score of an utterance from its word gap and phone gap (both per frame).
        public func rejectionScore(wordGap: Double, phoneGap: Double) -> Double {
            wordGap + phoneGapWeight * phoneGap
        }

        /// Confidence in [0, 1] for a rejection score: near 1 for a close fit, 0.5 at the threshold, falling beyond it.
        public func confidence(forScore score: Double) -> Double {
            let scale = 4.0
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

    /// Compiles `grammar` against this recognizer's dictionary without loading it: the JSGF that
    /// ``setGrammar(_:)`` would hand to pocketsphinx (`relay actions --jsgf` prints it).
    public func compile(_ grammar: RecognitionGrammar) async throws -> CompiledGrammar {
        try await queue.run { engine in try engine.compile(grammar).grammar }
    }

    /// The JSGF text of the active grammar, exactly as handed to pocketsphinx; nil before the first grammar.
    public func activeJSGF() async throws -> String? {
        try await queue.run { engine in engine.activeJSGF }
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

/// The worker that owns a ``RecognitionEngine``: pocketsphinx is not thread-safe, so every call runs as one job of
/// a ``SerialWorker`` on ``BlockingWork``'s pool.
struct DecoderQueue: Sendable {
    private let worker = SerialWorker<RecognitionEngine?>(state: nil)

    func start(_ make: @escaping @Sendable () throws -> RecognitionEngine) async throws {
        try await worker.run { engine in engine = try make() }
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (inout RecognitionEngine) throws -> T) async throws -> T {
        try Task.checkCancellation()
        return try await worker.run { engine in
            guard engine != nil else {
                throw SpeechError(.initFailed, operation: "using the recognizer", underlying: "the models were not loaded")
            }
            return try body(&engine!)
        }
    }
}
