public import RelayMedia
/// Turns a scene's measurements into one plain sentence ("A still, mostly red screen.").
///
/// Only what was measured is said: brightness, colours, blankness and motion — never objects.
public enum SceneDescriber {
    /// The sentence for a scene with these measurements.
    public static func sentence(
        colors: [NamedColor], brightness: Double, motion: Double, isBlank: Bool,
        thresholds: PerceptionThresholds = .standard
    ) -> String {
        if isBlank && brightness < thresholds.blackBrightness { return "A black screen." }
        if isBlank && colors == [.white] { return "A white screen." }
        var adjectives: [String] = []
        if motion < thresholds.stillMotion { adjectives.append("still") }
        if brightness < thresholds.darkBrightness {
            adjectives.append("dark")
        } else if brightness < 0.35 {
            adjectives.append("dim")
        } else if brightness > thresholds.brightBrightness {
            adjectives.append("bright")
        }
        let noun = isBlank ? "screen" : "shot"
        let colorPhrase: String
        switch colors.count {
        case 0: colorPhrase = ""
        case 1: colorPhrase = "mostly \(colors[0].rawValue)"
        default: colorPhrase = "\(listPhrase(colors.map(\.rawValue)))"
        }
        var words = adjectives.joined(separator: ", ")
        if !colorPhrase.isEmpty {
            if colors.count == 1 {
                words += words.isEmpty ? colorPhrase : ", \(colorPhrase)"
            }
        }
        var sentence = words.isEmpty ? noun : "\(words) \(noun)"
        if colors.count > 1 { sentence += " in \(colorPhrase)" }
        if motion > thresholds.movingMotion {
            sentence += " with motion"
        } else if motion >= thresholds.stillMotion {
            sentence += " with a little motion"
        }
        let article = "aeiou".contains(sentence.first ?? "x") ? "An" : "A"
        return "\(article) \(sentence)."
    }

    /// "a", "a and b", "a, b and c".
    public static func listPhrase(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
