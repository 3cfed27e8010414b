import RelayKit

/// `photos.list_albums`: every album with how many items it holds.
struct ListAlbums: Action {
    static let name = "photos.list_albums"
    static let description = "List the albums and how many photos and videos each holds."
    static let permission = Permission.read
    static let sentences: Sentences = [
        "en": ["<show> <my> albums", "what albums do i have", "which albums are there"],
        "zh": ["<please>(显示|查看)[我的]相册"],
    ]

    init(arguments: Arguments) throws {}

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let albums = try await context.read { db in
            try PhotosLibrary.albums(db).map { album in (album, try album.id.map { try PhotosLibrary.assetCount(db, albumID: $0) } ?? 0) }
        }
        let message = albums.isEmpty
            ? "You have no albums."
            : "You have \(albums.count) album\(albums.count == 1 ? "" : "s"): " + albums.map { "\($0.0.name) (\($0.1))" }.joined(separator: ", ") + "."
        return .done(message, data: [
            "albums": .array(albums.map { .object(["id": .int(Int($0.0.id ?? 0)), "name": .string($0.0.name), "count": .int($0.1)]) }),
        ])
    }
}
