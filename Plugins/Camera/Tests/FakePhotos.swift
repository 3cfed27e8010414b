import Foundation
import RelayKit

/// A stand-in for the Photos subsystem with the one action Camera relies on, `photos.import_media`,
/// recording what it was asked to import. Camera's tests thereby check the dispatcher contract
/// without linking the Photos plugin (plugins depend only on RelayKit and RelayMedia).
struct FakePhotos: Subsystem {
    /// When true, every import fails (to test how Camera copes).
    var failing = false

    var name: String { "photos" }
    var displayName: String { "Photos (fake)" }
    var actions: [any Action.Type] { failing ? [FailingImport.self] : [RecordingImport.self] }
    var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "imported") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull()
                t.column("album", .text)
                t.column("start", .double)
                t.column("duration", .integer)
                t.column("isJPEG", .boolean).notNull()
            }
        }
        return migrator
    }

    static let parameters: [Parameter] = [
        .string("path", "File"),
        .string("album", "Album", required: false),
        .boolean("copy", "Copy", default: false),
        .number("start", "Clip start", range: 0...86_400, required: false),
        .duration("duration", "Clip length", seconds: 1...3_600, required: false),
    ]

    struct RecordingImport: Action {
        static let name = "photos.import_media"
        static let description = "Records the import."
        static let permission = Permission.write
        static let parameters = FakePhotos.parameters
        let path: String
        let album: String?
        let start: Double?
        let duration: Int?

        init(arguments: Arguments) throws {
            path = try arguments.value("path")
            album = try arguments.valueIfPresent("album")
            start = try arguments.valueIfPresent("start")
            duration = try arguments.valueIfPresent("duration", as: Int.self)
        }

        func perform(in context: ActionContext) async throws -> ActionOutcome {
            guard let data = FileManager.default.contents(atPath: path) else { throw ActionFailure(.notFound, "'\(path)': no such file.") }
            let isJPEG = data.starts(with: [0xFF, 0xD8])
            let path = path, album = album, start = start, duration = duration
            let id = try await context.write { db in
                try db.execute(
                    sql: "INSERT INTO imported (path, album, start, duration, isJPEG) VALUES (?, ?, ?, ?, ?)",
                    arguments: [path, album, start, duration, isJPEG]
                )
                return db.lastInsertedRowID
            }
            return .done("Imported 1 item.", data: ["imported": .array([.int(Int(id))]), "already_in_library": .array([]), "failed": .array([])])
        }
    }

    struct FailingImport: Action {
        static let name = "photos.import_media"
        static let description = "Always fails."
        static let permission = Permission.write
        static let parameters = FakePhotos.parameters
        init(arguments: Arguments) throws {}
        func perform(in context: ActionContext) async throws -> ActionOutcome {
            throw ActionFailure(.failed, "The library is full.")
        }
    }
}
