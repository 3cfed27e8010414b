import RelayKit

/// `photos.favorite_photos`: mark selected photos as favorites.
struct FavoritePhotos: Action {
    static let name = "photos.favorite_photos"
    static let description = "Mark photos or videos as favorites: one by id, those taken in a date range, or the newest N (default: the newest one)."
    static let permission = Permission.write
    static let readBack: String? = "Mark \(PhotoSelection.readBack) as favorites?"
    static let parameters: [Parameter] = PhotoSelection.parameters
    static let sentences: Sentences = [
        "en": [
            "<please> (favorite|favourite|like|heart|star) <selection> <please>",
            "<please> (add|mark) <selection> (to|as) [my] (favorites|favourites|favorite|favourite) <please>",
            "<please> (favorite|favourite|like|star) photo [number] {photo}",
            "<please> (favorite|favourite|like|star) [the|my] {kind} from {when}",
            Sentence("<please> (favorite|favourite|like|heart|star) <all> {kind} <please>", fixing: ["all": true]),
        ],
        "zh": ["<please>收藏(这张照片|最新的照片)", "<please>把{when}的{kind}(加入|添加到)收藏"],
    ]

    let selection: PhotoSelection

    init(arguments: Arguments) throws {
        selection = try PhotoSelection(arguments: arguments)
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await FavoriteChange.apply(selection, favorite: true, in: context)
    }
}

/// The favorite and unfavorite actions' shared work.
enum FavoriteChange {
    static func apply(_ selection: PhotoSelection, favorite: Bool, in context: ActionContext) async throws -> ActionOutcome {
        let selected = try await context.read { db in try selection.assets(db) }
        guard !selected.isEmpty else { throw ActionFailure(.notFound, selection.nothingFound()) }
        let what = PhotoReport.count(selected)
        try context.confirm(count: selected.count, favorite ? "Add \(what) to Favorites?" : "Remove \(what) from Favorites?", always: selection.all)
        let changed = try await context.write { db in try PhotosLibrary.setFavorite(db, ids: selected.compactMap(\.id), favorite) }
        let message: String
        if changed == 0 {
            message = favorite ? "Already a favorite." : "Not a favorite already."
        } else {
            message = favorite ? "Added \(what) to Favorites." : "Removed \(what) from Favorites."
        }
        return .done(message, data: [
            "selected": .array(selected.compactMap(\.id).map { .int(Int($0)) }), "changed": .int(changed), "favorite": .bool(favorite),
        ])
    }
}
