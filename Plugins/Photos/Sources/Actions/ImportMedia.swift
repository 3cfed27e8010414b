import Foundation
import RelayKit

/// `photos.import_media`: bring image and video files (or folders of them) into the library.
struct ImportMedia: Action {
    static let name = "photos.import_media"
    static let description = """
        Import a photo or video file, or every photo and video in a folder, into the library (originals are never \
        modified). With start and duration, import that time range of a video as a clip.
        """
    static let permission = Permission.write
    static let readBack: String? = "Import {path}[ into the album {album}]?"
    static let parameters: [Parameter] = [
        .string("path", "The file or folder to import"),
        .string("album", "Also add them to this album (created if missing)", required: false),
        .boolean("copy", "Keep a copy in the library instead of referring to the original", default: false),
        .offset("start", "For a clip: where it starts in the video, in seconds", seconds: 0...86_400, required: false),
        .duration("duration", "For a clip: how long it lasts", seconds: 1...3_600, required: false),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> import [the] [<media>|files] from {path} <please>",
            "<please> import [the] [<media>|files] from {path} (into|to) [the] [album] {album}",
            "<please> (import|add) {path} to [my] (library|photos)",
        ],
        "zh": ["<please>(导入|从){path}(导入照片|的照片)"],
    ]

    let path: String
    let album: String?
    let copy: Bool
    let start: Double?
    let duration: Int?

    init(arguments: Arguments) throws {
        path = try arguments.value("path")
        album = try arguments.valueIfPresent("album")
        copy = try arguments.value("copy")
        start = try arguments.valueIfPresent("start")
        duration = try arguments.valueIfPresent("duration", as: Duration.self).map { Int($0.components.seconds) }
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let expanded = (path as NSString).expandingTildeInPath
        let url = URL(fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let importer = PhotoImporter(home: context.home, copyOriginals: copy)
        if start != nil || duration != nil {
            return try await importClip(url, importer: importer, context: context)
        }
        let files: [URL]
        do {
            files = try PhotoImporter.collectFiles([url], excluding: importer.libraryFolder)
        } catch let error as PhotosError {
            throw ActionFailure(.notFound, error.message)
        }
        guard !files.isEmpty else { throw ActionFailure(.notFound, "'\(url.path)' holds no photos or videos.") }
        let report = try await importer.importFiles(files, album: album, into: context)
        if report.imported.isEmpty && report.alreadyInLibrary.isEmpty, let first = report.failed.first {
            throw ActionFailure(.failed, report.failed.count == 1 ? first.message : "None of the \(report.failed.count) files could be imported; first: \(first.message)")
        }
        var message = report.imported.isEmpty ? "Nothing new to import." : "Imported \(report.imported.count) item\(report.imported.count == 1 ? "" : "s")"
        if !report.imported.isEmpty { message += album.map { " into \($0)." } ?? "." }
        if !report.alreadyInLibrary.isEmpty { message += " \(report.alreadyInLibrary.count) already in the library." }
        if !report.failed.isEmpty { message += " \(report.failed.count) could not be imported." }
        return .done(message, data: ImportReportJSON.object(report))
    }

    private func importClip(_ url: URL, importer: PhotoImporter, context: ActionContext) async throws -> ActionOutcome {
        guard let duration else { throw ActionFailure(.invalidArguments, "duration: a clip needs a duration as well as a start.") }
        let prepared: PhotoImporter.Prepared
        do {
            prepared = try await importer.prepareClip(of: url, start: start ?? 0, duration: Double(duration))
        } catch let error as PhotosError {
            throw ActionFailure(.failed, error.message)
        }
        let album = album
        let inserted = try await context.write { db in try PhotoImporter.commit(prepared, album: album, db) }
        guard let asset = inserted, let id = asset.id else {
            importer.discard(prepared)
            let key = prepared.asset.sourceKey
            let existing = try await context.read { db in try PhotosLibrary.asset(db, sourceKey: key)?.id }
            return .done("That clip is already in the library.", data: [
                "imported": .array([]), "already_in_library": .array([.string(url.path)]), "failed": .array([]),
                "ids": .array(existing.map { [.int(Int($0))] } ?? []),
            ])
        }
        return .done("Saved a \(duration)-second clip.", data: [
            "imported": .array([.int(Int(id))]), "already_in_library": .array([]), "failed": .array([]), "ids": .array([.int(Int(id))]),
        ])
    }
}
