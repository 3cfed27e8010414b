import RelayAgent

/// Golden sentences for the text skill: `sentence | action key=value …`, or `sentence | -` for "not understood".
///
/// Values: `true`/`false`, integers, `"quoted text"`, or a bare word (a string). Arguments not said are
/// left out (the dispatcher fills defaults). Live state for entity slots: albums Trip, Family,
/// Vacation 2024, Cats; contacts Anna Smith, Bob Jones, Mom.
/// Sections: template sentences, paraphrases not in the templates, Mandarin, near-misses.
let textGoldenCases = UnderstandingCalibration.text(of: .golden)
