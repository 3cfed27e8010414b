/// Why a video could not be analysed at all (partial results come back as warnings instead).
public struct VideoAnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What went wrong and what to try.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `'clip.mp4': <message>`.
    public var description: String { "'\(path)': \(message)" }
}
