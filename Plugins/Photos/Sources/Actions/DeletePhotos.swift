import RelayKit

/// `photos.delete_photos`: move selected photos to Recently Deleted (recoverable).
struct DeletePhotos: Action {
    static let name = "photos.delete_photos"
    static let description = "Move photos or videos to Recently Deleted, from where they can be recovered: one by id, a date range, all of them, or the newest N (default: the newest one). More than a few ask first."
    static let permission = Permission.write
    static let readBack: String? = "Move \(PhotoSelection.readBack) to Recently Deleted?"
    static let parameters: [Parameter] = PhotoSelection.parameters
    static let sentences: Sentences = [
        "en": [
            "<please> (delete|remove|trash|throw away) <selection> <please>",
            "<please> (delete|remove|trash) photo [number] {photo}",
            "<please> (delete|remove|trash) [the|my|all] {kind} (from|taken) {when}",
            "<please> (delete|remove|trash) [the] (last|latest|newest) {latest} {kind}",
            Sentence("<please> (delete|remove|trash|throw away) <all> {kind} <please>", fixing: ["all": true]),
            Sentence("<please> (delete|remove|trash|throw away) (everything|<all> (photos and videos|media|items)) <please>", fixing: ["all": true]),
        ],
        "zh": ["<please>删除(这张照片|最新的照片)", "<please>删除{when}的{kind}", Sentence("<please>删除<all>{kind}", fixing: ["all": true])],
    ]

    let selection: PhotoSelection

    init(arguments: Arguments) throws {
        selection = try PhotoSelection(arguments: arguments)
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let selection = selection, now = context.now
        let selected = try await context.read { db in try selection.assets(db) }
        guard !selected.isEmpty else { throw ActionFailure(.notFound, selection.nothingFound()) }
        // The count is the selection's own, computed before anything moves.
        try context.confirm(count: selected.count, "Move \(PhotoReport.count(selected)) to Recently Deleted?", always: selection.all)
        let moved = try await context.write { db in
            try PhotosLibrary.moveToRecentlyDeleted(db, ids: selected.compactMap(\.id), at: now)
        }
        guard moved > 0 else { throw ActionFailure(.notFound, selection.nothingFound()) }
        return .done("Moved \(PhotoReport.count(selected)) to Recently Deleted.", data: [
            "deleted": .array(selected.compactMap(\.id).map { .int(Int($0)) }),
        ])
    }
}
