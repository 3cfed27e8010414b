public import Foundation
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
        case heldOut = "held-out", first, second, third, golden
    }

    /// The sets the intent head is fitted to.
    public static let fittedTo: [Set] = [.heldOut, .first, .second, .third, .golden]

    /// The text of `set`.
    public static func text(of set: Set) -> String {
        guard let url = Bundle.module.url(forResource: set.rawValue, withExtension: "txt", subdirectory: "Calibration"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }

    /// The labelled sentences of ``fittedTo``.
    public static var sentences: [LabelledSentence] { fittedTo.flatMap { LabelledSentence.parse(text(of: $0)) } }
}
