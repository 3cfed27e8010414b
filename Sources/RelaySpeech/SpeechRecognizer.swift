/// Turns one utterance of audio into a ``Transcript``.
///
/// Implementations: ``PocketSphinxRecognizer`` (local, grammar-constrained, rejects non-commands) and
/// ``HTTPTranscriptionRecognizer`` (an OpenAI-compatible server, open vocabulary).
public protocol SpeechRecognizer: Sendable {
    /// Transcribes `utterance` (mono samples in [-1, 1] at `sampleRate`).
    func transcribe(_ utterance: [Float], sampleRate: Int) async throws -> Transcript
}

extension SpeechRecognizer {
    /// Transcribes an utterance found by the ``VoiceActivityDetector``.
    public func transcribe(_ utterance: Utterance) async throws -> Transcript {
        try await transcribe(utterance.samples, sampleRate: utterance.sampleRate)
    }
}
