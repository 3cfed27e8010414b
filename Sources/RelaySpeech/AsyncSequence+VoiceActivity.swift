public import RelayMedia
import RelayCore

extension AsyncSequence where Element == AudioChunk, Self: Sendable {
    /// Runs a ``VoiceActivityDetector`` over the chunks, yielding its events; the stream's end closes an open utterance.
    ///
    /// Chunks must be mono at the configuration's sample rate (resample with `AudioDecoder` first); a chunk at
    /// another rate ends the stream with a ``SpeechError`` rather than giving wrong times. Cancelling the
    /// consuming task cancels the iteration of the source.
    public func voiceActivity(
        _ configuration: VoiceActivityDetector.Configuration = .init()
    ) -> AsyncThrowingStream<VoiceActivityEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<VoiceActivityEvent, any Error>.makeStream()
        let source = self
        let task = Task {
            var detector = VoiceActivityDetector(configuration: configuration)
            do {
                for try await chunk in source {
                    try Task.checkCancellation()
                    guard chunk.sampleRate == configuration.sampleRate else {
                        throw SpeechError(
                            .invalidArgument, operation: "detecting speech",
                            underlying: "audio at \(chunk.sampleRate) Hz where \(configuration.sampleRate) Hz was expected",
                            hint: "Resample to \(configuration.sampleRate) Hz mono before voice activity detection")
                    }
                    for event in detector.process(chunk.samples, startTime: chunk.startTime) {
                        continuation.yield(event)
                    }
                }
                for event in detector.finish() { continuation.yield(event) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
