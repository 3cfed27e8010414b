import RelayKit

/// `photos.delete_album`: remove an album (its photos stay in the library). Destructive: asks first.
struct DeleteAlbum: Action {
    static let name = "photos.delete_album"
    static let description = "Delete an album (its photos and videos stay in the library)."
    static let permission = Permission.destructive
    static let parameters: [Parameter] = [.entity("album", "The album to delete", kind: PhotosSubsystem.album)]
    static let sentences: Sentences = [
        "en": ["<please> (delete|remove) [the] album {album} <please>", "<please> (delete|remove) [the] {album} album <please>"],
        "zh": ["<please>删除相册{album}"],
    ]

    let album: Entity

    init(arguments: Arguments) throws {
        album = try arguments.value("album")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        guard let id = album.rowID else { throw ActionFailure(.notFound, "There is no album named \(album.name).") }
        let deleted = try await PhotosFailures.mapping { try await context.write { db in try PhotosLibrary.deleteAlbum(db, id: id) } }
        return .done("Deleted the album \(deleted.name); its photos are still in the library.", data: [
            "album": .object(["id": .int(Int(id)), "name": .string(deleted.name)]),
        ])
    }
}
