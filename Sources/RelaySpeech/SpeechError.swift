public import RelayCore

/// The one error type of the speech layer: what failed, on which file, model or server, and what to try.
///
/// pocketsphinx's and espeak-ng's own messages are kept (`underlying`) next to the C function or
/// program that produced them, so a bug report has everything, while `description` stays one line.
public typealias SpeechError = OperationError<SpeechLayer>

/// The layer of ``SpeechError``: pocketsphinx returns bare numbers and programs exit statuses, so messages show them.
public enum SpeechLayer: OperationErrorLayer {
    public static let showsReturnCode = true
}

extension RelayErrorCode where Failure == SpeechError {
    /// An acoustic model, dictionary or language model file is missing.
    public static let modelNotFound = Self("model_not_found")
    /// The recognizer could not be created from its configuration.
    public static let initFailed = Self("init_failed")
    /// A grammar could not be compiled (syntax, or no sentence left after dropping unknown words).
    public static let invalidGrammar = Self("invalid_grammar")
    /// Decoding an utterance failed inside the recognizer.
    public static let decodeFailed = Self("decode_failed")
    /// An argument was out of range (sample rate, empty audio, bad URL).
    public static let invalidArgument = Self("invalid_argument")
    /// A transcription server could not be reached or answered with an error.
    public static let serverFailed = Self("server_failed")
    /// A server did not answer in time.
    public static let timedOut = Self("timed_out")
    /// A server or program answered with something that could not be understood.
    public static let badResponse = Self("bad_response")
    /// The speech synthesizer failed.
    public static let synthesisFailed = Self("synthesis_failed")
    /// A WAV file was malformed or of an unsupported kind.
    public static let badAudio = Self("bad_audio")
}
