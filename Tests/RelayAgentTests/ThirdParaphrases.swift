import RelayAgent

/// The third test set (issue 13), written for this session by someone who read only the actions' names, parameters and
/// descriptions (`relay actions` without its example sentences) and never the templates: 393 commands over every action
/// `relay say` knows (the built-in apps, the sample Notes plugin, undo and redo), several phrasings each, and 100
/// non-commands (questions, chit-chat, requests Relay can't do, statements about the phone). Same line format as
/// ``textGoldenCases``. Live state: albums Trip, Family, Vacation 2024, Cats, Wedding; contacts Anna Smith, Bob Jones,
/// Mom, Dr. Patel; notebooks Ideas, Recipes, Shopping, Travel, Work.
///
/// It was measured once from outside the repository before anyone read its cases (2 December 2026: 256/393 right,
/// 53 misread, 7 of 100 non-commands dispatched); since then its failures have been read, so it is a development set
/// like the others. A fresh set is measured the same way with `RELAY_HOLDOUT_SET=FILE`.
let thirdParaphrases = UnderstandingCalibration.text(of: .third)
