import RelayKit

/// `photos.remove_from_album`: take selected photos out of an album (they stay in the library).
struct RemoveFromAlbum: Action {
    static let name = "photos.remove_from_album"
    static let description = "Remove photos or videos from an album (they stay in the library): one by id, a date range, or the newest N in the album."
    static let permission = Permission.write
    static let readBack: String? = "Remove \(PhotoSelection.readBack) from the album {album}?"
    static let parameters: [Parameter] = [.entity("album", "The album", kind: PhotosSubsystem.album)] + PhotoSelection.parameters
    static let sentences: Sentences = [
        "en": [
            "<please> (remove|take) <selection> (from|out of) [the] [album] {album} [album] <please>",
            "<please> (remove|take) photo [number] {photo} (from|out of) [the] [album] {album} [album]",
            "<please> (remove|take) [the] {kind} (from|taken) {when} (from|out of) [the] [album] {album} [album]",
        ],
        "zh": ["<please>把(这张照片|最新的照片)从相册{album}(移除|删除)"],
    ]

    let album: Entity
    let selection: PhotoSelection

    init(arguments: Arguments) throws {
        album = try arguments.value("album")
        selection = try PhotoSelection(arguments: arguments)
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        guard let albumID = album.rowID else { throw ActionFailure(.notFound, "There is no album named \(album.name).") }
        let selection = selection
        let selected = try await context.read { db in try selection.assets(db, albumID: albumID) }
        guard !selected.isEmpty else { throw ActionFailure(.notFound, selection.nothingFound(inAlbum: album.name)) }
        try context.confirm(count: selected.count, "Remove \(PhotoReport.count(selected)) from \(album.name)?", always: selection.all)
        let removed = try await context.write { db in try PhotosLibrary.remove(db, ids: selected.compactMap(\.id), fromAlbum: albumID) }
        guard removed > 0 else { throw ActionFailure(.notFound, selection.nothingFound(inAlbum: album.name)) }
        return .done("Removed \(PhotoReport.count(selected)) from \(album.name).", data: [
            "album": .string(album.name), "removed": .array(selected.compactMap(\.id).map { .int(Int($0)) }),
        ])
    }
}
