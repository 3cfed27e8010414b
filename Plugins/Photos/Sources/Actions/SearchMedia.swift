import Foundation
import RelayKit

/// `photos.search_media`: list photos and videos by date range, kind, favorites, album or label.
struct SearchMedia: Action {
    static let name = "photos.search_media"
    static let description = """
        Find photos and videos, newest first: taken in a date range (yesterday, last week, in March), of one kind, \
        favorites only, in an album, with a label (a colour such as blue, or landscape/portrait), or in Recently Deleted.
        """
    static let permission = Permission.read
    static let parameters: [Parameter] = [
        .date("when", "Taken on this day or in this range", required: false),
        .choice("kind", "Only photos or only videos", PhotoReport.kinds, required: false),
        .boolean("favorites", "Only favorites", default: false),
        .entity("album", "Only those in this album", kind: PhotosSubsystem.album, required: false),
        .label("label", "Only those with this label, e.g. blue, landscape"),
        .boolean("recently_deleted", "Search Recently Deleted instead of the library", default: false),
        .count("limit", "At most this many", range: 1...200, default: 20),
    ]
    static let sentences: Sentences = [
        "en": [
            "<show> <my> {kind} [from|taken] {when}",
            "<show> <my> {kind}",
            "<show> [me] (what i took|everything) [from] {when}",
            Sentence("<show> <my> favorite[s] [{kind}] [from {when}]", fixing: ["favorites": .bool(true)]),
            "<show> <my> {kind} in [the] {album} album",
            "<show> <my> {kind} in [the] [album] {album}",
            "<show> [me] [the] [album] {album} [album]",
            "<show> <my> {label} {kind}",
            Sentence("<show> [me] [the] recently deleted [{kind}]", fixing: ["recently_deleted": .bool(true)]),
            "(find|search [for]) {kind} [from|taken] {when}",
        ],
        "zh": ["<please>(显示|查看){when}的{kind}", "<please>(显示|查看)相册{album}"],
    ]

    let range: DateRange?
    let kind: MediaKind?
    let favorites: Bool
    let album: Entity?
    let label: String?
    let recentlyDeleted: Bool
    let limit: Int

    init(arguments: Arguments) throws {
        range = try arguments.valueIfPresent("when")
        kind = try arguments.valueIfPresent("kind", as: String.self).flatMap(MediaKind.init(rawValue:))
        favorites = try arguments.value("favorites")
        album = try arguments.valueIfPresent("album")
        label = try arguments.valueIfPresent("label")
        recentlyDeleted = try arguments.value("recently_deleted")
        limit = try arguments.value("limit")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let query = PhotoQuery(
            range: range.map { DateInterval(start: $0.start, end: $0.end) }, kind: kind, favoritesOnly: favorites,
            albumID: album?.rowID, label: label, inRecentlyDeleted: recentlyDeleted, limit: limit
        )
        let (assets, items) = try await context.read { db in
            let assets = try PhotosLibrary.assets(db, matching: query)
            return (assets, try assets.map { try PhotoReport.json($0, db: db) })
        }
        var scope: [String] = []
        if favorites { scope.append("favorite") }
        if let label { scope.append(label) }
        var message = assets.isEmpty ? "No \(kind.map { "\($0.rawValue)s" } ?? "photos or videos")" : "Found \(PhotoReport.count(assets))"
        if !scope.isEmpty { message += " (\(scope.joined(separator: ", ")))" }
        if let range { message += " from \(range.spec.replacingOccurrences(of: "_", with: " "))" }
        if let album { message += " in \(album.name)" }
        if recentlyDeleted { message += " in Recently Deleted" }
        message += "."
        return .done(message, data: ["count": .int(assets.count), "items": .array(items)])
    }
}
