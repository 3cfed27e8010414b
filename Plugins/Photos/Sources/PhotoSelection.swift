import Foundation
import RelayKit

/// Which photos an action acts on, from the shared selection parameters: one photo by id, those
/// taken in a date range (optionally of one kind), all of them, or the newest N — the newest one when nothing is said.
struct PhotoSelection: Sendable {
    /// The words said before an item's number ("photo 12", "video number 7").
    static let itemNouns: Set<String> = ["photo", "picture", "pic", "video", "clip", "item", "image", "shot", "number"]

    /// The selection parameters, appended to an action's own.
    static let parameters: [Parameter] = [
        .item("photo", "The id of one photo or video (from a search)",
              nouns: itemNouns, range: 1...Int(Int32.max)),
        .date("when", "Those taken on this day or in this range", required: false),
        .choice("kind", "Only photos or only videos", PhotoReport.kinds, required: false),
        .count("latest", "The newest this many (default: the newest one, when nothing else is given)", range: 1...1000),
        .every("all", "Every item (of the kind, in the date range) rather than only the newest one"),
    ]

    /// The selection as a read-back question says it (``Action/readBack``): "photo 5", "the photos from 2026-11-30",
    /// "all the videos", "the newest 3 photos", "the newest photo or video".
    static let readBack = "(photo {photo}|{?all}all the {kind} from {when}|the {kind} from {when}|the photos and videos from {when}"
        + "|{?all}all the {kind}|{?all}all the photos and videos|the newest {latest} {kind}|the newest {latest} photos and videos"
        + "|the newest photo or video)"

    let photoID: Int64?
    let range: DateRange?
    let kind: MediaKind?
    let latest: Int?
    /// The user said "all", "every", "everything": every matching item, and a question first when there are several.
    let all: Bool

    init(arguments: Arguments) throws {
        photoID = try arguments.valueIfPresent("photo", as: Int.self).map(Int64.init)
        range = try arguments.valueIfPresent("when")
        kind = try arguments.valueIfPresent("kind", as: String.self).flatMap(MediaKind.init(rawValue:))
        latest = try arguments.valueIfPresent("latest")
        all = try arguments.valueIfPresent("all") ?? false
    }

    /// Why nothing was selected, as a sentence: "There is no item 12.", "There are no videos from yesterday in Trip."
    func nothingFound(inAlbum album: String? = nil) -> String {
        if let photoID { return album.map { "Item \(photoID) is not in \($0)." } ?? "There is no item \(photoID)." }
        let noun = kind == .video ? "videos" : kind == .photo ? "photos" : "photos or videos"
        let place = album.map { " in \($0)" } ?? ""
        if let range { return "There are no \(noun) from \(range.spec.replacingOccurrences(of: "_", with: " "))\(place)." }
        if kind == nil { return album.map { "\($0) is empty." } ?? "The library is empty." }
        return "There are no \(noun)\(place)."
    }

    /// The selected assets, newest first; only members of `albumID` when given; in Recently Deleted when asked.
    func assets(_ db: Database, albumID: Int64? = nil, inRecentlyDeleted: Bool = false) throws -> [PhotoAsset] {
        if let photoID {
            guard let asset = try PhotosLibrary.asset(db, id: photoID), (asset.deletedAt != nil) == inRecentlyDeleted else { return [] }
            if let albumID {
                let isMember = try Bool.fetchOne(
                    db, sql: "SELECT COUNT(*) > 0 FROM albumAsset WHERE albumId = ? AND assetId = ?", arguments: [albumID, photoID]
                ) ?? false
                return isMember ? [asset] : []
            }
            return [asset]
        }
        let query = PhotoQuery(
            range: range.map { DateInterval(start: $0.start, end: $0.end) }, kind: kind, albumID: albumID,
            inRecentlyDeleted: inRecentlyDeleted, limit: latest ?? (range == nil && !all ? 1 : nil)
        )
        return try PhotosLibrary.assets(db, matching: query)
    }
}
