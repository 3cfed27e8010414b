import Foundation
import RelayMedia
import RelayCore

/// Everything that lives next to the pocketsphinx decoder: its searches, the active grammar, and the decode passes.
///
/// Confined to the ``PocketSphinxRecognizer``'s serial queue, never shared.
struct RecognitionEngine {
    static let phoneSearch = "relay_phones"

    let configuration: PocketSphinxRecognizer.Configuration
    let decoder: PocketSphinxDecoder
    /// Name of the active grammar search, if any.
    private var grammarSearch: String?
    private var grammarGeneration = 0
    /// Filler word → free-text slot, for the active grammar.
    private var fillerSlots: [String: String] = [:]
    private var addedWords: Set<String> = []
    /// The language-model decoder every command is checked against, which also decodes free text.
    private let words: WordReference

    init(configuration: PocketSphinxRecognizer.Configuration) throws {
        self.configuration = configuration
        decoder = try PocketSphinxDecoder(
            acousticModel: configuration.acousticModel, dictionary: configuration.dictionary,
            extraArguments: configuration.decoderArguments)
        try decoder.setPhoneLoop(name: Self.phoneSearch, path: configuration.phoneLanguageModel)
        words = try WordReference(configuration: configuration)
    }

    /// The JSGF text of the active grammar, exactly as handed to pocketsphinx.
    private(set) var activeJSGF: String?

    /// Compiles `grammar` against the dictionary without loading it: the JSGF and words it would load.
    func compile(_ grammar: RecognitionGrammar) throws -> (grammar: CompiledGrammar, newWords: [String: String], fillerSlots: [String: String]) {
        switch grammar.source {
        case .jsgf(let text):
            return (CompiledGrammar(jsgf: text, report: GrammarReport(sentenceCount: 1)), [:], [:])
        case .templates(let sentences, let slots, let freeTextSlots):
            let decoder = self.decoder
            var compiler = GrammarCompiler(pronunciation: { decoder.pronunciation(of: $0) })
            compiler.freeTextPhoneProbability = configuration.freeTextPhoneProbability
            let output = try compiler.compile(sentences: sentences, slots: slots, freeTextSlots: freeTextSlots)
            return (CompiledGrammar(jsgf: output.jsgf, report: output.report), output.newWords, output.fillerSlots)
        }
    }

    /// Compiles and activates `grammar`; the previous grammar stays active if this one fails.
    mutating func setGrammar(_ grammar: RecognitionGrammar) throws -> GrammarReport {
        let (compiled, newWords, newFillers) = try compile(grammar)
        for (word, phones) in newWords.sorted(by: { $0.key < $1.key }) where !addedWords.contains(word) {
            try decoder.addWord(word, phones: phones)
            addedWords.insert(word)
        }
        grammarGeneration += 1
        let name = "relay_grammar_\(grammarGeneration)"
        // The old search may be the active one: switch away before it is replaced.
        _ = try? decoder.decode([], search: Self.phoneSearch)
        try decoder.setGrammar(name: name, jsgf: compiled.jsgf, beams: configuration.grammarBeams)
        if let old = grammarSearch { decoder.removeSearch(name: old) }
        grammarSearch = name
        fillerSlots = newFillers
        activeJSGF = compiled.jsgf
        return compiled.report
    }

    /// Decodes under the grammar, checks the fit against the phone loop, fills free-text slots.
    mutating func recognize(_ samples: [Float], sampleRate: Int) throws -> Transcript {
        guard let grammarSearch else { return try recognizeOpenVocabulary(samples, sampleRate: sampleRate) }
        let started = ContinuousClock.now
        let audio = try prepare(samples, sampleRate: sampleRate)
        let duration = Double(audio.count) / Double(PocketSphinxRecognizer.sampleRate)
        let level = AudioConversion.peakFrameLevel(samples, sampleRate: sampleRate)
        guard level >= configuration.minimumLevelDB else {
            return Transcript(text: "", confidence: 0, isInGrammar: false, rejection: .tooQuiet,
                              diagnostics: .init(acousticGapPerFrame: 0, wordFrames: 0, audioDuration: duration,
                                                 decodingTime: seconds(since: started)))
        }
        let bounds = configuration.trimsSilence
            ? AudioConversion.speechBounds(SampleConversion.float(audio), sampleRate: PocketSphinxRecognizer.sampleRate)
            : 0 ..< audio.count
        let speech = Array(audio[bounds])
        let pendingWords = words.start(speech)
        let grammarPass = try decoder.decode(speech, search: grammarSearch)
        let phonePass = try decoder.decode(speech, search: Self.phoneSearch)
        let fillers = Set(fillerSlots.keys)
        let gap = AcousticRejection.gap(grammar: grammarPass, reference: phonePass, ignoring: fillers)
        let wordGap = AcousticRejection.gap(grammar: grammarPass, reference: try pendingWords.wait(), ignoring: fillers,
                                            referenceScale: AcousticRejection.languageModelScale)

        // The sentence as words and free-text spans (frames), in order.
        var parts: [(word: String?, slot: String, start: Int, end: Int)] = []
        for segment in grammarPass.segments where AcousticRejection.isWord(segment.word) {
            if let slot = fillerSlots[segment.word] {
                if let last = parts.last, last.word == nil, last.slot == slot {
                    parts[parts.count - 1].end = segment.endFrame
                } else {
                    parts.append((nil, slot, segment.startFrame, segment.endFrame))
                }
            } else {
                parts.append((segment.word, "", segment.startFrame, segment.endFrame))
            }
        }

        var diagnostics = Transcript.Diagnostics(
            acousticGapPerFrame: gap.perFrame, wordFrames: gap.frames, audioDuration: duration,
            decodingTime: seconds(since: started))
        diagnostics.phoneLoopScorePerFrame = gap.referencePerFrame
        guard gap.frames > 0, parts.contains(where: { $0.word != nil }) else {
            return Transcript(text: "", confidence: 0, isInGrammar: false, rejection: .noSpeech, diagnostics: diagnostics)
        }
        diagnostics.wordGapPerFrame = wordGap.perFrame
        let score = configuration.rejectionScore(wordGap: wordGap.perFrame, phoneGap: gap.perFrame)
        diagnostics.rejectionScore = score
        let accepted = score <= configuration.rejectionThreshold

        // Free text is decoded (slowly, with the language model) only for accepted commands.
        var words: [String] = []
        var freeText: [String: String] = [:]
        for part in parts {
            if let word = part.word {
                words.append(word)
            } else if accepted {
                let text = try decodeOpenVocabulary(speech, frames: part.start ... part.end)
                freeText[part.slot] = [freeText[part.slot], text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                if !text.isEmpty { words.append(text) }
            } else {
                words.append("…")
            }
        }
        diagnostics.decodingTime = seconds(since: started)
        return Transcript(
            text: words.joined(separator: " "), confidence: configuration.confidence(forScore: score), isInGrammar: accepted,
            freeText: freeText, rejection: accepted ? nil : .outOfGrammar, diagnostics: diagnostics)
    }

    /// Decodes with the general language model only.
    func recognizeOpenVocabulary(_ samples: [Float], sampleRate: Int) throws -> Transcript {
        let started = ContinuousClock.now
        let audio = try prepare(samples, sampleRate: sampleRate)
        let duration = Double(audio.count) / Double(PocketSphinxRecognizer.sampleRate)
        let text = try decodeOpenVocabulary(audio, frames: nil)
        return Transcript(
            text: text, confidence: text.isEmpty ? 0 : 0.5, isInGrammar: false, isOpenVocabulary: true,
            rejection: text.isEmpty ? .noSpeech : nil,
            diagnostics: .init(acousticGapPerFrame: 0, wordFrames: 0, audioDuration: duration, decodingTime: seconds(since: started)))
    }

    private func decodeOpenVocabulary(_ audio: [Int16], frames: ClosedRange<Int>?) throws -> String {
        var part = audio
        if let frames {
            // A little context either side: the grammar pass's word boundaries are not exact.
            let shift = PocketSphinxRecognizer.sampleRate / 100
            let start = max(0, (frames.lowerBound - 5) * shift)
            let end = min(audio.count, (frames.upperBound + 6) * shift)
            guard start < end else { return "" }
            part = Array(audio[start ..< end])
        }
        let pass = try words.decode(part)
        return pass.segments.map(\.word).filter(AcousticRejection.isWord).joined(separator: " ")
    }

    private func prepare(_ samples: [Float], sampleRate: Int) throws -> [Int16] {
        guard sampleRate > 0 else {
            throw SpeechError(.invalidArgument, operation: "recognizing speech", underlying: "sample rate \(sampleRate)",
                              hint: "Pass the audio's real sample rate (16000 for Relay's decoders)")
        }
        var audio = AudioConversion.resample(samples, from: sampleRate, to: PocketSphinxRecognizer.sampleRate)
        if configuration.comfortNoise > 0 { AudioConversion.addWhiteNoise(to: &audio, amplitude: configuration.comfortNoise) }
        return SampleConversion.int16(audio)
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
