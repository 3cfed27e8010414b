import RelayKit

/// The Photos app's library: the newest photos and videos as a grid of thumbnails.
struct PhotoGridScreen: Screen {
    static let name = "photos.main"
    static let title = "Photos"

    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
        let assets = try PhotosLibrary.assets(db).prefix(60)
        let albums = ScreenNode.button("Albums", tap: .open(AlbumListScreen.name))
        guard !assets.isEmpty else { return [.text("No photos yet", style: .caption), .text("Import some: relay photos import FOLDER", style: .caption), albums] }
        let tiles: [ScreenNode] = assets.compactMap { asset in
            guard let id = asset.id else { return nil }
            let what = asset.kind == .video ? "Video" : "Photo"
            return .image(path: asset.thumbnailPath, label: "\(what) \(id): \(asset.filename)\(asset.isFavorite ? ", favorite" : "")",
                          tap: .open(PhotoScreen.name, ["photo": .int(Int(id))]))
        }
        return [albums, .grid(tiles, columns: 3)]
    }
}

/// The albums, with a field and a button to create one.
struct AlbumListScreen: Screen {
    static let name = "photos.albums"
    static let title = "Albums"

    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
        let rows: [ScreenNode] = try PhotosLibrary.albums(db).map { album in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM albumAsset WHERE albumId = ?", arguments: [album.id]) ?? 0
            return .row(album.name, detail: count == 1 ? "1 item" : "\(count) items")
        }
        return [
            .list(rows.isEmpty ? [.text("No albums yet", style: .caption)] : rows),
            .textField(id: "name", label: "Album name", placeholder: "New album"),
            .button("Create album", tap: .call(CreateAlbum.name, [:], fields: ["name": "name"])),
        ]
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
            .button("Add to album", tap: .open(AlbumPickerScreen.name, selection)),
            .button("Delete", tap: .call(DeletePhotos.name, selection, thenBack: true)),
        ]
    }
}

/// Which album a photo goes into: one row per album.
struct AlbumPickerScreen: Screen {
    static let name = "photos.add_to_album"
    static let title = "Add to album"

    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
        guard let id = parameters["photo"]?.intValue else { return [.text("No photo chosen.", style: .caption)] }
        let rows: [ScreenNode] = try PhotosLibrary.albums(db).map { album in
            .row(album.name, tap: .call(AddToAlbum.name, ["album": .string(album.name), "photo": .int(id)], thenBack: true))
        }
        return [.list(rows.isEmpty ? [.text("No albums yet; create one under Albums.", style: .caption)] : rows)]
    }
}
