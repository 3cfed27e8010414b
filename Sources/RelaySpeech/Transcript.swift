/// What a recognizer heard in one utterance.
public struct Transcript: Sendable, Hashable, Codable {
    /// The words, lower case; for a rejected utterance the grammar's forced guess (diagnostics only, free-text
    /// parts shown as "…"), or "" when nothing was heard.
    public var text: String
    /// How sure the recognizer is, in [0, 1]; 0.5 is the rejection threshold of a grammar recognizer.
    public var confidence: Double
    /// Whether the words are a sentence of the active grammar and the audio fits them well enough to act on.
    ///
    /// Always false for an open-vocabulary recognizer (see ``isOpenVocabulary``): it has no grammar to be in.
    public var isInGrammar: Bool
    /// Whether the text came from an unconstrained recognizer (a language model or a server), so understanding
    /// must decide whether it is a command.
    public var isOpenVocabulary: Bool
    /// Text of each free-text slot (a message body), by slot name, from the open-vocabulary pass.
    public var freeText: [String: String]
    /// Why a grammar recognizer rejected the utterance, if it did.
    public var rejection: Rejection?
    /// Recognizer diagnostics, if the recognizer measures them.
    public var diagnostics: Diagnostics?

    /// Why an utterance was not accepted as a command.
    public enum Rejection: String, Sendable, Hashable, Codable {
        /// The audio was too quiet to hold speech.
        case tooQuiet
        /// No word was recognized.
        case noSpeech
        /// The grammar's best sentence fits the audio much worse than free phones do: speech that is not a command.
        case outOfGrammar
    }

    /// Scores behind the decision, for thresholds and benchmarks.
    public struct Diagnostics: Sendable, Hashable, Codable {
        /// Mean acoustic score per frame by which a free phone loop beats the grammar's sentence (pocketsphinx's
        /// log units, base 1.0001, after its per-frame normalisation); larger means less like the grammar.
        public var acousticGapPerFrame: Double
        /// The number compared with the recognizer's rejection threshold (see `PocketSphinxRecognizer.Configuration`).
        public var rejectionScore: Double = 0
        /// The phone loop's mean acoustic score per frame: how well the acoustic model fits this voice at all.
        public var phoneLoopScorePerFrame: Double = 0
        /// Mean acoustic score per frame by which the general language model's words beat the grammar's sentence.
        ///
        /// Unlike free phones, real words carry the same mispronunciations as the grammar's words for an unusual
        /// voice, so this gap measures what was said rather than how the voice sounds.
        public var wordGapPerFrame: Double = 0
        /// Frames (10 ms) the gap was measured over.
        public var wordFrames: Int
        /// Seconds of audio decoded.
        public var audioDuration: Double
        /// Wall-clock seconds spent decoding.
        public var decodingTime: Double

        /// Creates diagnostics.
        public init(acousticGapPerFrame: Double, wordFrames: Int, audioDuration: Double, decodingTime: Double) {
            self.acousticGapPerFrame = acousticGapPerFrame
            self.wordFrames = wordFrames
            self.audioDuration = audioDuration
            self.decodingTime = decodingTime
        }
    }

    /// Creates a transcript.
    public init(
        text: String, confidence: Double, isInGrammar: Bool, isOpenVocabulary: Bool = false,
        freeText: [String: String] = [:], rejection: Rejection? = nil, diagnostics: Diagnostics? = nil
    ) {
        self.text = text
        self.confidence = confidence
        self.isInGrammar = isInGrammar
        self.isOpenVocabulary = isOpenVocabulary
        self.freeText = freeText
        self.rejection = rejection
        self.diagnostics = diagnostics
    }

    /// Whether the loop may act on it: in grammar, or open-vocabulary text that is not empty.
    public var isActionable: Bool { isInGrammar || (isOpenVocabulary && !text.isEmpty) }
}
