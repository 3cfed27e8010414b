import RelayKit

/// `photos.unfavorite_photos`: take selected photos out of Favorites.
struct UnfavoritePhotos: Action {
    static let name = "photos.unfavorite_photos"
    static let description = "Remove photos or videos from Favorites: one by id, a date range, or the newest N (default: the newest one)."
    static let permission = Permission.write
    static let readBack: String? = "Remove \(PhotoSelection.readBack) from Favorites?"
    static let parameters: [Parameter] = PhotoSelection.parameters
    static let sentences: Sentences = [
        "en": [
            "<please> (unfavorite|unfavourite|unlike|unstar) <selection> <please>",
            "<please> remove <selection> from [my] (favorites|favourites) <please>",
            "<please> (unfavorite|unfavourite|unlike|unstar) photo [number] {photo}",
        ],
        "zh": ["<please>取消收藏(这张照片|最新的照片)"],
    ]

    let selection: PhotoSelection

    init(arguments: Arguments) throws {
        selection = try PhotoSelection(arguments: arguments)
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await FavoriteChange.apply(selection, favorite: false, in: context)
    }
}
