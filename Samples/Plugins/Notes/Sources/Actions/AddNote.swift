import Foundation
import RelayKit

/// `notes.add_note`: a note in a notebook (Inbox unless one is named).
struct AddNote: Action {
    static let name = "notes.add_note"
    static let description = "Add a note, to the Inbox unless a notebook is named."
    static let permission = Permission.write
    static let parameters: [Parameter] = [
        .text("text", "What the note says"),
        .entity("notebook", "The notebook to put it in", kind: NotesSchema.notebook, required: false),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> (add|make|take|write) [a] <note_word> (to|in) [the] [notebook] {notebook} [saying|that says] {text}",
            "<please> (add|make|take|write) [a] <note_word> [saying|that says] {text}",
            "(note|remember) that {text}",
        ],
        "zh": ["<please>记[一]下{text}", "<please>在{notebook}里记[一]下{text}"],
    ]

    let text: String
    let notebook: Entity?

    init(arguments: Arguments) throws {
        text = try arguments.value("text")
        notebook = try arguments.valueIfPresent("notebook")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let text = text, notebookID = notebook?.rowID, created = context.now.timeIntervalSince1970
        let id = try await context.write { db in
            let target = try notebookID ?? NotesSchema.inboxID(db)
            try db.execute(sql: "INSERT INTO note(notebook_id, text, created_at) VALUES (?, ?, ?)",
                           arguments: [target, text, created])
            return db.lastInsertedRowID
        }
        let place = notebook?.name ?? "Inbox"
        return .done("Added a note to \(place).", data: ["id": .int(Int(id)), "notebook": .string(place), "text": .string(text)])
    }
}
