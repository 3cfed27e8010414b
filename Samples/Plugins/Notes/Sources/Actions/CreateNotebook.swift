import RelayKit

/// `notes.create_notebook`: a new, empty notebook.
struct CreateNotebook: Action {
    static let name = "notes.create_notebook"
    static let description = "Create an empty notebook."
    static let permission = Permission.write
    static let parameters: [Parameter] = [.string("name", "The new notebook's name")]
    static let sentences: Sentences = [
        "en": ["<please> (create|make|start) [a] [new] notebook [called|named] {name}"],
        "zh": ["<please>(新建|创建)笔记本{name}"],
    ]

    let name: String

    init(arguments: Arguments) throws {
        name = try arguments.value("name")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let name = name
        let id = try await context.write { db -> Int64? in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM notebook WHERE name = ? COLLATE NOCASE", arguments: [name]) == true {
                return nil
            }
            try db.execute(sql: "INSERT INTO notebook(name) VALUES (?)", arguments: [name])
            return db.lastInsertedRowID
        }
        guard let id else { return .refused("There is already a notebook named \(name).") }
        return .done("Created the notebook \(name).", data: ["id": .int(Int(id)), "name": .string(name)])
    }
}
