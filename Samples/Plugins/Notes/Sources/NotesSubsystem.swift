public import RelayKit

/// The sample plugin: notes in notebooks. It shows every part of the SDK an author needs —
/// an entity kind (notebooks, resolved by spoken name), free text, optional and date parameters,
/// a destructive action, Mandarin sentences, and a custom state snapshot.
public struct NotesSubsystem: Subsystem {
    /// Creates the subsystem.
    public init() {}

    public var name: String { "notes" }
    public var displayName: String { "Notes" }
    public var summary: String { "Short text notes, kept in notebooks." }
    public var actions: [any Action.Type] {
        [CreateNotebook.self, AddNote.self, ListNotes.self, DeleteNotebook.self]
    }

    /// Shared sentence parts, usable as `<note_word>` in this subsystem's templates.
    public var rules: SentenceRules {
        ["en": ["note_word": "(note|memo|reminder)"]]
    }

    public var migrator: DatabaseMigrator { NotesSchema.migrator }

    public func entities(of kind: EntityKind, in db: Database) throws -> [Entity] {
        guard kind == NotesSchema.notebook else { return [] }
        return try Row.fetchAll(db, sql: "SELECT id, name FROM notebook ORDER BY id").map {
            Entity(id: $0["id"] as Int64, name: $0["name"])
        }
    }

    public func state(in db: Database) throws -> JSONValue {
        let notebooks = try StateSnapshot.rows(in: db, sql: "SELECT id, name FROM notebook ORDER BY id")
        let notes = try StateSnapshot.rows(in: db, sql: """
            SELECT note.id, note.text, notebook.name AS notebook, note.created_at
            FROM note JOIN notebook ON notebook.id = note.notebook_id ORDER BY note.id
            """)
        return .object(["notebooks": .array(notebooks), "notes": .array(notes)])
    }
}

/// The entry point the generated list of installed plugins calls.
public enum NotesPlugin {
    /// The Notes subsystem.
    public static func makeSubsystem() -> any Subsystem { NotesSubsystem() }
}
