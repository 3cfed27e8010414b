import RelayAgent

/// The TEST set of issue 13: paraphrases of every built-in command and non-commands, written fresh (1 December 2026)
/// before the encoder stage was tuned, by someone who did not read the templates; same line format as
/// ``textGoldenCases``. Nothing is tuned on them: thresholds and margins come from the calibration data
/// (``heldOutParaphrases`` and the golden sentences). The first clean measurement on this set is recorded in
/// `UnderstandingMeasurementTests`; a sentence here that fails is a known issue, never a reason to add a template.
/// Live state: albums Trip, Family, Vacation 2024, Cats; contacts Anna Smith, Bob Jones, Mom.
let freshParaphrases = UnderstandingCalibration.text(of: .first)
