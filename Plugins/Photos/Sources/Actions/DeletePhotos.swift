import RelayKit

/// `photos.delete_photos`: move selected photos to Recently Deleted (recoverable).
struct DeletePhotos: Action {
    static let name = "photos.delete_photos"
    static let description = "Move photos or videos to Recently Deleted, from where they can be recovered: one by id, a date range, or the newest N (default: the newest one)."
    static let permission = Permission.write
    static let parameters: [Parameter] = PhotoSelection.parameters
    static let sentences: Sentences = [
        "en": [
            "<please> (delete|remove|trash|throw away) <selection> <please>",
            "<please> (delete|remove|trash) photo [number] {photo}",
            "<please> (delete|remove|trash) [the|my|all] {kind} (from|taken) {when}",
            "<please> (delete|remove|trash) [the] (last|latest|newest) {latest} {kind}",
        ],
        "zh": ["<please>删除(这张照片|最新的照片)", "<please>删除{when}的{kind}"],
    ]

    let selection: PhotoSelection

    init(arguments: Arguments) throws {
        selection = try PhotoSelection(arguments: arguments)
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let selection = selection, now = context.now
        let (selected, moved) = try await context.write { db in
            let assets = try selection.assets(db)
            return (assets, try PhotosLibrary.moveToRecentlyDeleted(db, ids: assets.compactMap(\.id), at: now))
        }
        guard moved > 0 else { throw ActionFailure(.notFound, selection.nothingFound()) }
        return .done("Moved \(PhotoReport.count(selected)) to Recently Deleted.", data: [
            "deleted": .array(selected.compactMap(\.id).map { .int(Int($0)) }),
        ])
    }
}
