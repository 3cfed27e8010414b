import RelayKit

/// `photos.empty_recently_deleted`: delete everything in Recently Deleted for good. Destructive: asks first.
struct EmptyRecentlyDeleted: Action {
    static let name = "photos.empty_recently_deleted"
    static let description = "Permanently delete everything in Recently Deleted (originals outside the library are kept)."
    static let permission = Permission.destructive
    static let sentences: Sentences = [
        "en": [
            "<please> (empty|clear|purge) [the] (recently deleted|trash|bin|recycle bin) [folder|album] <please>",
            "<please> permanently delete (everything in recently deleted|the deleted <media>)",
        ],
        "zh": ["<please>清空最近删除"],
    ]

    init(arguments: Arguments) throws {}

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let waiting = try await context.read { db in try PhotosLibrary.assets(db, matching: PhotoQuery(inRecentlyDeleted: true)) }
        guard !waiting.isEmpty else { return .done("Recently Deleted was already empty.", data: ["deleted": []]) }
        try context.confirm(count: waiting.count, "Permanently delete \(PhotoReport.count(waiting)) in Recently Deleted?")
        let removed = try await context.write { db in try PhotosLibrary.emptyRecentlyDeleted(db) }
        // Thumbnails and copies are left for the next import's sweep: deleting them now could
        // lose them if the command's transaction were rolled back after this handler returns.
        let message = removed.isEmpty ? "Recently Deleted was already empty." : "Permanently deleted \(PhotoReport.count(removed))."
        return .done(message, data: ["deleted": .array(removed.compactMap(\.id).map { .int(Int($0)) })])
    }
}
