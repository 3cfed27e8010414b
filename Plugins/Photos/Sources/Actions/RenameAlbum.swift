import RelayKit

/// `photos.rename_album`: give an album a new name.
struct RenameAlbum: Action {
    static let name = "photos.rename_album"
    static let description = "Rename an album."
    static let permission = Permission.write
    static let readBack: String? = "Rename the album {album} to {new_name}?"
    static let parameters: [Parameter] = [
        .entity("album", "The album to rename", kind: PhotosSubsystem.album),
        .string("new_name", "Its new name"),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> rename [the] [album] {album} [album] to {new_name} <please>",
            "<please> change [the] name of [the] [album] {album} to {new_name}",
            "<please> call [the] [album] {album} [album] {new_name} instead",
        ],
        "zh": ["<please>把相册{album}(重命名为|改名为|改成){new_name}"],
    ]

    let album: Entity
    let newName: String

    init(arguments: Arguments) throws {
        album = try arguments.value("album")
        newName = try arguments.value("new_name")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        guard let id = album.rowID else { throw ActionFailure(.notFound, "There is no album named \(album.name).") }
        let newName = newName, oldName = album.name
        let renamed = try await PhotosFailures.mapping { try await context.write { db in try PhotosLibrary.renameAlbum(db, id: id, to: newName) } }
        return .done("Renamed \(oldName) to \(renamed.name).", data: [
            "album": .object(["id": .int(Int(id)), "name": .string(renamed.name), "previous_name": .string(oldName)]),
        ])
    }
}
