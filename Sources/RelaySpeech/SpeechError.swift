public import RelayCore

/// The one error type of the speech layer: what failed, on which file, model or server, and what to try.
///
/// pocketsphinx's and espeak-ng's own messages are kept (`underlying`) next to the C function or
/// program that produced them, so a bug report has everything, while `description` stays one line.
public struct SpeechError: RelayError, Hashable {
    /// What kind of failure this is: a growable set of codes (see ``RelayError``).
    public typealias Code = RelayErrorCode<SpeechError>

    /// What kind of failure this is.
    public var code: Code
    /// The file, model path or URL involved, if any.
    public var path: String?
    /// What was being done, in words ("loading the acoustic model", "compiling the grammar").
    public var operation: String
    /// The library's, program's or server's own message, if any.
    public var underlying: String?
    /// The C function or program that failed, if any.
    public var cFunction: String?
    /// The C return code, exit status or HTTP status, if any.
    public var cCode: Int32?
    /// What a user can do about it.
    public var hint: String?

    /// Creates an error.
    public init(
        _ code: Code, path: String? = nil, operation: String, underlying: String? = nil,
        cFunction: String? = nil, cCode: Int32? = nil, hint: String? = nil
    ) {
        self.code = code
        self.path = path
        self.operation = operation
        self.underlying = underlying
        self.cFunction = cFunction
        self.cCode = cCode
        self.hint = hint
    }

    /// One line: `'/usr/share/…/en-us': loading the acoustic model failed (ps_init). Install pocketsphinx-en-us.`
    public var description: String {
        var text = path.map { "'\($0)': " } ?? ""
        text += "\(operation) failed"
        if let underlying { text += ": \(underlying)" }
        if let cFunction {
            text += cCode.map { " (\(cFunction) returned \($0))" } ?? " (\(cFunction))"
        }
        if let hint { text += ". \(hint)" }
        return text
    }
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
    /// A server or program answered with something that could not be understood.
    public static let badResponse = Self("bad_response")
    /// The speech synthesizer failed.
    public static let synthesisFailed = Self("synthesis_failed")
    /// A WAV file was malformed or of an unsupported kind.
    public static let badAudio = Self("bad_audio")
}
