import RelayAgent

/// Held-out paraphrases of the built-in commands, written fresh for issue 12 by someone who did not read the
/// templates first (same line format as ``textGoldenCases``; a question about new messages reads them out, as the
/// golden set defines it). Nothing may be tuned on them: they measure how far
/// understanding generalises, and a template added to make one of them pass would defeat their purpose.
/// Live state: albums Trip, Family, Vacation 2024, Cats; contacts Anna Smith, Bob Jones, Mom.
let heldOutParaphrases = UnderstandingCalibration.text(of: .heldOut)
