import RelayKit

/// `photos.create_album`: a new, empty album.
struct CreateAlbum: Action {
    static let name = "photos.create_album"
    static let description = "Create an empty album with a name."
    static let permission = Permission.write
    static let readBack: String? = "Create an album called {name}?"
    static let parameters: [Parameter] = [.string("name", "The new album's name")]
    static let sentences: Sentences = [
        "en": [
            "<please> (create|make|start|add) [a|an] [new] album (called|named|titled) {name} <please>",
            "<please> (create|make|start) [a|an] [new] {name} album",
            "new album {name}",
        ],
        "zh": ["<please>(创建|新建)[一个]相册{name}", "<please>(创建|新建)[一个]叫{name}的相册"],
    ]

    let albumName: String

    init(arguments: Arguments) throws {
        albumName = try arguments.value("name")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let name = albumName, now = context.now
        let album = try await PhotosFailures.mapping { try await context.write { db in try PhotosLibrary.createAlbum(db, name: name, at: now) } }
        return .done("Created the album \(album.name).", data: ["album": .object(["id": .int(Int(album.id ?? 0)), "name": .string(album.name)])])
    }
}

/// Turns the library's `PhotosError`s into the dispatcher's statuses.
enum PhotosFailures {
    static func mapping<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PhotosError {
            switch error.code {
            case .noSuchAlbum, .noSuchAsset: throw ActionFailure(.notFound, error.message)
            case .albumExists: throw ActionFailure(.refused, error.message)
            case .invalidArgument: throw ActionFailure(.invalidArguments, error.message)
            default: throw ActionFailure(.failed, error.message)
            }
        }
    }
}
