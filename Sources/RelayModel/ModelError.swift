public import RelayJSON

/// The one error type of the model layer: what failed, on which input, and what to try.
///
/// Malformed model output keeps the raw text (`rawOutput`) so nothing the model said is lost.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A growable set of failure kinds.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// Stable identifier, e.g. `"invalid_input"`.
        public let rawValue: String
        /// Creates a code.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Preprocessing rejected the input (aspect ratio, frame counts, conflicting options).
        public static let invalidInput = Code("invalid_input")
        /// The model's output did not follow the expected format.
        public static let malformedOutput = Code("malformed_output")
        /// JSON text could not be parsed.
        public static let invalidJSON = Code("invalid_json")
        /// The server could not be reached or the connection failed.
        public static let transport = Code("transport")
        /// The server did not answer in time.
        public static let timeout = Code("timeout")
        /// The server rejected the request (4xx).
        public static let rejected = Code("rejected")
        /// The server failed (5xx or 429) even after retries.
        public static let serverError = Code("server_error")
        /// Reading or decoding media for the model failed.
        public static let media = Code("media")
    }

    /// What kind of failure this is.
    public var code: Code
    /// One readable sentence; for preprocessing errors exactly qwen-vl-utils' message.
    public var message: String
    /// The file or URL involved, if any.
    public var path: String?
    /// The model's raw output, kept when it could not be parsed.
    public var rawOutput: String?
    /// HTTP status, for backend errors.
    public var httpStatus: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, path: String? = nil, rawOutput: String? = nil, httpStatus: Int? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.rawOutput = rawOutput
        self.httpStatus = httpStatus
    }

    /// One line: `'clip.mp4': nframes should in interval [2, 3], but got 4.`
    public var description: String {
        (path.map { "'\($0)': " } ?? "") + message
    }
}

extension ModelError {
    /// An `invalid_json` error for JSON text that did not parse, keeping the text.
    public init(_ error: JSONParseError) {
        self.init(.invalidJSON, error.message, rawOutput: error.text)
    }

    /// Parses JSON the model layer was given, reporting malformed text as ``ModelError`` (`invalid_json`).
    static func parsingJSON(_ text: String) throws -> JSONValue {
        do { return try JSONValue(parsing: text) } catch let error as JSONParseError { throw ModelError(error) }
    }
}
