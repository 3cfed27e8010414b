import Foundation
import RelayKit

/// `photos.find_media`: the photo and video files a path holds, as `photos.import_media` would take them.
///
/// `relay photos import` asks this first and then imports each file with its own `photos.import_media` command:
/// one transaction, one audit line and one timeout per file, so an interrupted import keeps what it finished.
struct FindMedia: Action {
    static let name = "photos.find_media"
    static let description = """
        List the photo and video files at a path: the file itself, or every photo and video in a folder and its \
        subfolders (the library's own folder excluded), without importing them.
        """
    static let permission = Permission.read
    static let parameters: [Parameter] = [
        .string("path", "The file or folder to look in"),
    ]
    static let sentences: Sentences = [
        "en": ["<please> (what|which) [<media>|files] can i import from {path}"],
    ]

    let path: String

    init(arguments: Arguments) throws {
        path = try arguments.value("path")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let expanded = (path as NSString).expandingTildeInPath
        let url = URL(fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let files: [URL]
        do {
            files = try PhotoImporter.collectFiles([url], excluding: PhotoImporter(home: context.home).libraryFolder)
        } catch let error as PhotosError {
            throw ActionFailure(.notFound, error.message)
        }
        let count = "\(files.count) photo or video file\(files.count == 1 ? "" : "s")"
        return .done("Found \(count) at \(url.path).", data: ["files": .array(files.map { .string($0.path) })])
    }
}
