/// The one error type of the speech layer: what failed, on which file, model or server, and what to try.
///
/// pocketsphinx's and espeak-ng's own messages are kept (`underlying`) next to the C function or
/// program that produced them, so a bug report has everything, while `description` stays one line.
public struct SpeechError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A growable set of failure kinds.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// Stable identifier, e.g. `"model_not_found"`.
        public let rawValue: String
        /// Creates a code.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        /// The identifier.
        public var description: String { rawValue }

        /// An acoustic model, dictionary or language model file is missing.
        public static let modelNotFound = Code("model_not_found")
        /// The recognizer could not be created from its configuration.
        public static let initFailed = Code("init_failed")
        /// A grammar could not be compiled (syntax, or no sentence left after dropping unknown words).
        public static let invalidGrammar = Code("invalid_grammar")
        /// Decoding an utterance failed inside the recognizer.
        public static let decodeFailed = Code("decode_failed")
        /// An argument was out of range (sample rate, empty audio, bad URL).
        public static let invalidArgument = Code("invalid_argument")
        /// A transcription server could not be reached or answered with an error.
        public static let serverFailed = Code("server_failed")
        /// A server or program answered with something that could not be understood.
        public static let badResponse = Code("bad_response")
        /// The speech synthesizer failed.
        public static let synthesisFailed = Code("synthesis_failed")
        /// A WAV file was malformed or of an unsupported kind.
        public static let badAudio = Code("bad_audio")
    }

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
