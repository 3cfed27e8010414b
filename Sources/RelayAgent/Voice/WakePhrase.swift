import RelayLanguage
import RelayKit

/// An optional phrase ("hey relay") that must start an utterance for it to count as a command.
public struct WakePhrase: Sendable, Hashable {
    /// The normalised words of the phrase.
    public let words: [String]

    /// Creates a wake phrase; nil when `text` has no words.
    public init?(_ text: String) {
        let w = TextNormalizer.words(text)
        guard !w.isEmpty else { return nil }
        words = w
    }

    /// The command after the phrase, or nil when `transcript` does not start with it.
    public func command(in transcript: String) -> String? {
        let said = TextNormalizer.words(transcript)
        guard said.count > words.count, Array(said.prefix(words.count)) == words else { return nil }
        return TextNormalizer.join(said.dropFirst(words.count))
    }
}
