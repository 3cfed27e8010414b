public import RelayCore
public import RelayJSON

/// The one error type of the model layer: what failed, on which input, and what to try.
///
/// Malformed model output keeps the raw text (`rawOutput`) so nothing the model said is lost.
public struct ModelError: RelayError, Hashable {
    /// What kind of failure this is: a growable set of codes (see ``RelayError``).
    public typealias Code = RelayErrorCode<ModelError>

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

    /// The model layer's messages already say what to try.
    public var hint: String? { nil }

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

extension RelayErrorCode where Failure == ModelError {
    /// Preprocessing rejected the input (aspect ratio, frame counts, conflicting options).
    public static let invalidInput = Self("invalid_input")
    /// The model's output did not follow the expected format.
    public static let malformedOutput = Self("malformed_output")
    /// JSON text could not be parsed.
    public static let invalidJSON = Self("invalid_json")
    /// The server could not be reached or the connection failed.
    public static let transport = Self("transport")
    /// The server did not answer in time.
    public static let timeout = Self("timeout")
    /// The server rejected the request (4xx).
    public static let rejected = Self("rejected")
    /// The server failed (5xx or 429) even after retries.
    public static let serverError = Self("server_error")
    /// Reading or decoding media for the model failed.
    public static let media = Self("media")
}
