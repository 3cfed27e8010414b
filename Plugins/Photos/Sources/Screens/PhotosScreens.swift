import RelayKit

/// The Photos app's library: the newest photos and videos as a grid of thumbnails.
struct PhotoGridScreen: Screen {
    static let name = "photos.main"
    static let title = "Photos"

    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
        let assets = try PhotosLibrary.assets(db).prefix(60)
        guard !assets.isEmpty else { return [.text("No photos yet", style: .caption), .text("Import some: relay photos import FOLDER", style: .caption)] }
        let tiles: [ScreenNode] = assets.compactMap { asset in
            guard let id = asset.id else { return nil }
            let what = asset.kind == .video ? "Video" : "Photo"
            return .image(path: asset.thumbnailPath, label: "\(what) \(id): \(asset.filename)\(asset.isFavorite ? ", favorite" : "")",
                          tap: .open(PhotoScreen.name, ["photo": .int(Int(id))]))
        }
        return [.grid(tiles, columns: 3)]
    }
}

/// One photo or video: the picture, whether it is a favorite, and Delete.
struct PhotoScreen: Screen {
    static let name = "photos.photo"
    static let title = "Photo"

    static func title(_ db: Database, parameters: JSONObject) throws -> String {
        guard let id = parameters["photo"]?.intValue, let asset = try PhotosLibrary.asset(db, id: Int64(id)) else { return title }
        return asset.filename
    }

    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
        guard let id = parameters["photo"]?.intValue, let asset = try PhotosLibrary.asset(db, id: Int64(id)), asset.deletedAt == nil else {
            return [.text("This photo is no longer in the library.", style: .caption)]
        }
        let selection: JSONObject = ["photo": .int(id)]
        return [
            .image(path: asset.thumbnailPath, label: asset.filename),
            .toggle("Favorite", isOn: asset.isFavorite,
                    tap: .call(asset.isFavorite ? UnfavoritePhotos.name : FavoritePhotos.name, selection)),
            .button("Delete", tap: .call(DeletePhotos.name, selection, thenBack: true)),
        ]
    }
}
