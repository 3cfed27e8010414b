/// Whether `relay undo` ("undo that") can take an action back.
///
/// Most actions only change their subsystem's database, and the dispatcher saves the inverse of every row
/// they change (``ChangeLog``), so they are reversible without any code. An action whose effect leaves the
/// phone — a sent message, a call placed — declares itself irreversible with the sentence the user hears.
public enum Reversibility: Sendable, Hashable {
    /// Undo restores the rows the action changed.
    case reversible
    /// Undo refuses, saying why: "A sent message can't be unsent."
    case irreversible(String)
}
