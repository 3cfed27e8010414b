import Foundation
import RelayKit
import RelaySpeech

/// Asks by voice: the question is emitted (and spoken by the CLI with `--speak`), the next utterance is
/// the answer, recognized with a tiny grammar — yes/no, or the values of the missing argument.
struct VoiceInteraction: CommandInteraction {
    let source: UtteranceSource
    let prompts: PromptRecognizer
    let entityNames: EntityNames
    let emit: @Sendable (VoiceEvent) -> Void
    /// Utterances to wait through for an answer the recognizer accepts.
    var attempts = 2

    func confirm(_ question: String) async -> Bool? {
        for _ in 0..<attempts {
            guard let heard = await nextAnswer(grammar: CommandGrammar.yesNo) else { return nil }
            if let answer = YesNo.read(heard) { return answer }
        }
        return nil
    }

    func answer(_ question: String, for parameter: Parameter) async -> String? {
        guard let grammar = CommandGrammar.answer(for: parameter, entityNames: entityNames) else {
            // Free text: the whole next utterance, decoded with the open vocabulary.
            return await nextAnswer(grammar: nil)
        }
        for _ in 0..<attempts {
            if let heard = await nextAnswer(grammar: grammar) { return heard }
        }
        return nil
    }

    /// The words of the next accepted utterance, or nil at the end of the audio.
    private func nextAnswer(grammar: RecognitionGrammar?) async -> String? {
        do {
            while let event = try await source.next() {
                switch event {
                case .speechStart(let time):
                    emit(.speechStart(time: time))
                case .speechEnd(let utterance):
                    emit(.speechEnd(time: utterance.endTime, duration: utterance.duration))
                    let transcript = try await prompts.transcribe(utterance, grammar: grammar)
                    emit(.transcript(text: transcript.text, confidence: transcript.confidence, accepted: transcript.isActionable))
                    return transcript.isActionable ? transcript.text : nil
                }
            }
        } catch {
            emit(.error("\(error)"))
        }
        return nil
    }
}

/// A second recognizer for answers to questions, loaded on first use so the command grammar stays compiled.
actor PromptRecognizer {
    private var recognizer: PocketSphinxRecognizer?
    private var current: RecognitionGrammar?
    private let configuration: PocketSphinxRecognizer.Configuration

    init(configuration: PocketSphinxRecognizer.Configuration) {
        self.configuration = configuration
    }

    func transcribe(_ utterance: Utterance, grammar: RecognitionGrammar?) async throws -> Transcript {
        let r: PocketSphinxRecognizer
        if let recognizer { r = recognizer } else {
            r = try await PocketSphinxRecognizer(configuration: configuration)
            recognizer = r
        }
        guard let grammar else { return try await r.transcribeOpenVocabulary(utterance.samples, sampleRate: utterance.sampleRate) }
        if current != grammar {
            try await r.setGrammar(grammar)
            current = grammar
        }
        return try await r.transcribe(utterance)
    }
}
