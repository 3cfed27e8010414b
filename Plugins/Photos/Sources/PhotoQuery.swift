public import Foundation

/// Which assets to list or act on: every criterion given must hold.
public struct PhotoQuery: Sendable, Hashable {
    /// Taken within this interval (start inclusive, end exclusive).
    public var range: DateInterval?
    /// Only photos or only videos.
    public var kind: MediaKind?
    /// Only favorites.
    public var favoritesOnly: Bool
    /// Only members of this album.
    public var albumID: Int64?
    /// Only assets carrying this label (case-insensitive).
    public var label: String?
    /// Search Recently Deleted instead of the library.
    public var inRecentlyDeleted: Bool
    /// At most this many, newest first.
    public var limit: Int?

    /// Creates a query; with no arguments it matches the whole library, newest first.
    public init(
        range: DateInterval? = nil, kind: MediaKind? = nil, favoritesOnly: Bool = false, albumID: Int64? = nil,
        label: String? = nil, inRecentlyDeleted: Bool = false, limit: Int? = nil
    ) {
        self.range = range
        self.kind = kind
        self.favoritesOnly = favoritesOnly
        self.albumID = albumID
        self.label = label
        self.inRecentlyDeleted = inRecentlyDeleted
        self.limit = limit
    }
}
