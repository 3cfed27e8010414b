import RelayKit

/// `notes.delete_notebook`: a notebook and every note in it (destructive: asks first, with the number of notes).
struct DeleteNotebook: Action {
    static let name = "notes.delete_notebook"
    static let description = "Delete a notebook and every note in it."
    static let permission = Permission.destructive
    static let parameters: [Parameter] = [.entity("notebook", "The notebook to delete", kind: NotesSchema.notebook)]
    static let sentences: Sentences = [
        "en": ["<please> (delete|remove) [the] notebook {notebook}"],
        "zh": ["<please>删除笔记本{notebook}"],
    ]

    let notebook: Entity

    init(arguments: Arguments) throws {
        notebook = try arguments.value("notebook")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let id = notebook.rowID, name = notebook.name
        if name.lowercased() == "inbox" { return .refused("The Inbox can't be deleted.") }
        let removed = try await context.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM note WHERE notebook_id = ?", arguments: [id]) ?? 0
        }
        // Destructive: asks first, naming what would go (the count is computed, not guessed).
        try context.confirm(count: removed + 1, "Delete the notebook \(name) and its \(removed == 1 ? "note" : "\(removed) notes")?")
        try await context.write { db in try db.execute(sql: "DELETE FROM notebook WHERE id = ?", arguments: [id]) }
        return .done("Deleted the notebook \(name) and its \(removed == 1 ? "note" : "\(removed) notes").",
                     data: ["notebook": .string(name), "notes_deleted": .int(removed)])
    }
}
