import RelaySpeech

/// The voice-activity events of one audio stream, pulled one at a time by the loop and its questions.
///
/// `@unchecked Sendable`: the iterator is used by one task at a time — the loop pulls a command's
/// utterance, then awaits the runner, whose voice questions pull the answers; nothing pulls concurrently.
final class UtteranceSource: @unchecked Sendable {
    private var iterator: AsyncThrowingStream<VoiceActivityEvent, any Error>.AsyncIterator

    init(_ events: AsyncThrowingStream<VoiceActivityEvent, any Error>) {
        iterator = events.makeAsyncIterator()
    }

    /// The next event, or nil at the end of the audio.
    func next() async throws -> VoiceActivityEvent? {
        var it = iterator
        defer { iterator = it }
        return try await it.next()
    }
}
