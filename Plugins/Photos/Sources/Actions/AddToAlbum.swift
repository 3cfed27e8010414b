import RelayKit

/// `photos.add_to_album`: put selected photos into an album.
struct AddToAlbum: Action {
    static let name = "photos.add_to_album"
    static let description = "Add photos or videos to an album: one by id, those taken in a date range, or the newest N (default: the newest one)."
    static let permission = Permission.write
    static let readBack: String? = "Add \(PhotoSelection.readBack) to the album {album}?"
    static let parameters: [Parameter] = [.entity("album", "The album", kind: PhotosSubsystem.album)] + PhotoSelection.parameters
    static let sentences: Sentences = [
        "en": [
            "<please> (add|put|move|save) <selection> (to|in|into) [the] [album] {album} [album] <please>",
            "<please> (add|put|save) [the] {kind} (from|taken) {when} (to|in|into) [the] [album] {album} [album]",
            "<please> (add|put|save) [the] (last|latest|newest) {latest} {kind} (to|in|into) [the] [album] {album} [album]",
            "<please> (add|put|save) photo [number] {photo} (to|in|into) [the] [album] {album} [album]",
        ],
        "zh": ["<please>把(这张照片|最新的照片)(加到|放到|添加到)相册{album}"],
    ]

    let album: Entity
    let selection: PhotoSelection

    init(arguments: Arguments) throws {
        album = try arguments.value("album")
        selection = try PhotoSelection(arguments: arguments)
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        guard let albumID = album.rowID else { throw ActionFailure(.notFound, "There is no album named \(album.name).") }
        let selection = selection, now = context.now
        let selected = try await context.read { db in try selection.assets(db) }
        guard !selected.isEmpty else { throw ActionFailure(.notFound, selection.nothingFound()) }
        try context.confirm(count: selected.count, "Add \(PhotoReport.count(selected)) to \(album.name)?", always: selection.all)
        let added = try await context.write { db in try PhotosLibrary.add(db, ids: selected.compactMap(\.id), toAlbum: albumID, at: now) }
        let message = added == 0
            ? "\(selected.count == 1 ? "It is" : "They are") already in \(album.name)."
            : "Added \(PhotoReport.count(selected)) to \(album.name)."
        return .done(message, data: [
            "album": .string(album.name), "selected": .array(selected.compactMap(\.id).map { .int(Int($0)) }), "added": .int(added),
        ])
    }
}
