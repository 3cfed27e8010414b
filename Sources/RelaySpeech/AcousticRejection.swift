/// Measures how much better a free phone loop explains the audio than the grammar's best sentence.
///
/// Under a grammar pocketsphinx forces any audio onto some sentence (its `ps_get_prob` is 0), so the
/// hypothesis alone cannot say "this was not a command". A phone loop (allphone search) can follow any
/// speech; on a real command the grammar's words fit nearly as well as the best phones, on other speech
/// the forced words fit much worse. The gap is taken over every frame the grammar path explains, silences
/// and noise fillers included (otherwise the grammar could hide non-command speech in a "noise" filler),
/// but not free-text fillers, which are themselves a phone loop; and per frame, so long and short
/// utterances compare.
enum AcousticRejection {
    /// Whether a segment is a spoken word rather than silence, a sentence marker or a noise filler.
    static func isWord(_ word: String) -> Bool {
        // "(NULL)" marks a grammar's empty transitions.
        !(word.isEmpty || word.hasPrefix("<") || word.hasPrefix("[") || word.hasPrefix("+") || word.hasPrefix("("))
    }

    /// The language-model search reports acoustic scores 2^10 times larger than the grammar and phone-loop
    /// searches (it does not drop pocketsphinx's senone-score shift).
    static let languageModelScale = 1.0 / 1024

    /// Mean per-frame acoustic score by which `reference` (a phone loop, or the language-model search) beats the
    /// grammar, and the reference's own mean score, over the frames the grammar explains except `fillers`.
    static func gap(
        grammar: PocketSphinxDecoder.Decoding, reference: PocketSphinxDecoder.Decoding, ignoring fillers: Set<String>,
        referenceScale: Double = 1
    ) -> (perFrame: Double, frames: Int, referencePerFrame: Double) {
        let frameCount = max(grammar.frameCount, reference.frameCount,
                             (grammar.segments + reference.segments).map { $0.endFrame + 1 }.max() ?? 0)
        guard frameCount > 0 else { return (0, 0, 0) }
        // The reference's score spread evenly over each of its segments' frames.
        var referenceScore = [Double](repeating: 0, count: frameCount)
        for segment in reference.segments where segment.endFrame >= segment.startFrame && segment.startFrame >= 0 {
            let share = Double(segment.acousticScore) * referenceScale / Double(segment.endFrame - segment.startFrame + 1)
            for frame in segment.startFrame ... min(segment.endFrame, frameCount - 1) { referenceScore[frame] = share }
        }
        var gap = 0.0
        var frames = 0
        var referenceTotal = 0.0
        for segment in grammar.segments
        where !segment.word.hasPrefix("(") && !fillers.contains(segment.word) && segment.endFrame >= segment.startFrame && segment.startFrame >= 0 {
            let last = min(segment.endFrame, frameCount - 1)
            guard last >= segment.startFrame else { continue }
            let referenceSum = referenceScore[segment.startFrame ... last].reduce(0, +)
            gap += referenceSum - Double(segment.acousticScore)
            referenceTotal += referenceSum
            frames += last - segment.startFrame + 1
        }
        return frames > 0 ? (gap / Double(frames), frames, referenceTotal / Double(frames)) : (0, 0, 0)
    }
}
