import Foundation
import RelayKit

/// `notes.list_notes`: notes of a notebook and/or a date range, newest first.
struct ListNotes: Action {
    static let name = "notes.list_notes"
    static let description = "List notes, optionally of one notebook and from a date range."
    static let permission = Permission.read
    static let parameters: [Parameter] = [
        .entity("notebook", "Only notes in this notebook", kind: NotesSchema.notebook, required: false),
        .date("when", "Only notes written then", required: false),
    ]
    static let sentences: Sentences = [
        "en": [
            "<show> [my|the] notes [in|from] [the] [notebook] {notebook}",
            "<show> [my|the] notes [from] {when}",
            "<show> [my|the] notes",
            "what did I (write|note) {when}",
        ],
        "zh": ["<please>显示[我的]笔记", "<please>显示{when}的笔记"],
    ]

    let notebook: Entity?
    let when: DateRange?

    init(arguments: Arguments) throws {
        notebook = try arguments.valueIfPresent("notebook")
        when = try arguments.valueIfPresent("when")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let notebookID = notebook?.rowID
        let start = when?.start.timeIntervalSince1970 ?? -Double.infinity
        let end = when?.end.timeIntervalSince1970 ?? Double.infinity
        let notes = try await context.read { db in
            try StateSnapshot.rows(in: db, sql: """
                SELECT note.id, note.text, notebook.name AS notebook FROM note
                JOIN notebook ON notebook.id = note.notebook_id
                WHERE (?1 IS NULL OR note.notebook_id = ?1) AND note.created_at >= ?2 AND note.created_at < ?3
                ORDER BY note.created_at DESC, note.id DESC
                """, arguments: [notebookID, start, end])
        }
        let texts = notes.compactMap { $0.objectValue?["text"]?.stringValue }
        let message: String
        switch texts.count {
        case 0: message = "You have no notes\(when.map { " from \($0.spec.replacingOccurrences(of: "_", with: " "))" } ?? "")."
        case 1: message = "You have one note: \(texts[0])"
        default: message = "You have \(texts.count) notes. The latest: \(texts[0])"
        }
        return .done(message, data: ["notes": .array(notes)])
    }
}
