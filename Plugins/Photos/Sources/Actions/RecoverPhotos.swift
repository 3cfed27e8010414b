import RelayKit

/// `photos.recover_photos`: bring photos back from Recently Deleted.
struct RecoverPhotos: Action {
    static let name = "photos.recover_photos"
    static let description = "Bring photos and videos back from Recently Deleted: one by id, or everything in it when no id is given."
    static let permission = Permission.write
    static let readBack: String? = "Recover (photo {photo}|everything in Recently Deleted)?"
    static let parameters: [Parameter] = [
        .item("photo", "The id of the photo or video to recover (leave out for all)", nouns: PhotoSelection.itemNouns,
              range: 1...Int(Int32.max)),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> (recover|restore|undelete|bring back) <selection> <please>",
            "<please> (recover|restore|undelete|bring back) photo [number] {photo}",
            "<please> (recover|restore|undelete|bring back) (everything|all [my] <media>) [from recently deleted]",
        ],
        "zh": ["<please>(恢复|还原)[最近删除的]照片"],
    ]

    let photoID: Int64?

    init(arguments: Arguments) throws {
        photoID = try arguments.valueIfPresent("photo", as: Int.self).map(Int64.init)
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let photoID = photoID
        let recovered = try await context.write { db -> [PhotoAsset] in
            let assets = try PhotosLibrary.assets(db, matching: PhotoQuery(inRecentlyDeleted: true)).filter { photoID == nil || $0.id == photoID }
            try PhotosLibrary.recover(db, ids: assets.compactMap(\.id))
            return assets
        }
        guard !recovered.isEmpty else {
            throw ActionFailure(.notFound, photoID.map { "Item \($0) is not in Recently Deleted." } ?? "Recently Deleted is empty.")
        }
        return .done("Recovered \(PhotoReport.count(recovered)).", data: ["recovered": .array(recovered.compactMap(\.id).map { .int(Int($0)) })])
    }
}
