import RelayAgent

/// The second TEST set of issue 13, written on 1 December 2026 by a writer who saw only the actions' names, descriptions
/// and parameter schemas (never the templates, the code or the other sets): 238 commands over every built-in action,
/// casual, polite, indirect and mistyped, and 76 non-commands (38 of them mention photos, alarms, settings… without
/// asking for anything). It was measured once, after the changes calibrated on the golden sentences, the held-out
/// paraphrases and the first test set (``freshParaphrases``, which those changes did look at); nothing has been tuned on
/// it. Same line format as ``textGoldenCases``.
let unseenParaphrases = UnderstandingCalibration.text(of: .second)
