import Foundation
public import RelayKit

/// What people said to the built-in apps, with the action they meant or none: the calibration data of the encoder
/// stage's intent head (``IntentClassifier``) and the development sets its tests measure.
///
/// Each set was written by someone who had not read the templates (see the tests that measure them); once its
/// failures had been read it became development data. Sets written later stay out of the repository until measured
/// (`RELAY_HOLDOUT_SET`), so that what the head is fitted to and what it is judged on never meet.
public enum UnderstandingCalibration {
    /// One set of sentences, a file under Calibration/ (line format `sentence | action key=value …` or `sentence | -`).
    public enum Set: String, CaseIterable, Sendable {
        case heldOut = "held-out", first, second, third, sixth, golden
    }

    /// The sets the intent head is fitted to. (The fourth and fifth sets were measured and lost with a machine.)
    public static let fittedTo: [Set] = [.heldOut, .first, .second, .third, .sixth, .golden]

    /// The text of `set`.
    public static func text(of set: Set) -> String {
        guard let url = Bundle.module.url(forResource: set.rawValue, withExtension: "txt", subdirectory: "Calibration"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }

    /// The labelled sentences of ``fittedTo``.
    public static let sentences: [LabelledSentence] = fittedTo.flatMap(sentences(of:))

    /// The labelled sentences of `set`.
    public static func sentences(of set: Set) -> [LabelledSentence] { LabelledSentence.parse(text(of: set)) }

    /// The live names the sets were written against (the third set's; the earlier sets use a part of them).
    public static let liveNames: EntityNames = [
        "album": ["Trip", "Family", "Vacation 2024", "Cats", "Wedding"],
        "contact": ["Anna Smith", "Bob Jones", "Mom", "Dr. Patel"],
        "notebook": ["Ideas", "Recipes", "Shopping", "Travel", "Work"],
    ]
}
