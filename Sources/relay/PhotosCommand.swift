import ArgumentParser
import Foundation
import RelayJSON
import RelayKit
import RelayMedia
import RelayPlugins

/// `relay photos`: Work with the Photos library.
struct PhotosCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "photos",
        abstract: "Work with the Photos library.",
        subcommands: [PhotosImportCommand.self, PhotosListCommand.self]
    )
}

/// `relay photos import PATH…`: import files and folders through the dispatcher, one `photos.import_media` command per
/// file, so every file is permission-checked, timed, audited and committed on its own.
struct PhotosImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import photo and video files or folders into the library.",
        discussion: """
            Folders are walked recursively for image and video files. Originals are never modified: the library \
            refers to them in place, or keeps a copy with --copy. Each file is committed in its own transaction \
            after its thumbnail is written, so an interrupted import loses nothing and a re-run imports only what \
            is missing. Exit status 1 when any file could not be imported.
            """
    )

    @Argument(help: ArgumentHelp("Files or folders to import.", valueName: "path"), completion: .file())
    var paths: [String]

    @Option(help: ArgumentHelp("Also add the imported items to this album (created if missing).", valueName: "name"))
    var album: String?

    @Flag(help: "Keep a copy of each original in the library instead of referring to it.")
    var copy = false

    @Flag(help: "Print the report as JSON: {\"imported\": [ids], \"already_in_library\": [paths], \"failed\": [{path, message}]}.")
    var json = false

    @OptionGroup var home: HomeOptions

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("Give at least one file or folder to import.") }
        if let album, album.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--album needs a name.")
        }
    }

    func run() async throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let urls = paths.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath, relativeTo: cwd).absoluteURL }
        // Every path is looked at before anything is imported, so a typo fails the whole run at once. Nothing under
        // the phone's home folder is imported (the library's own thumbnails and copies live there).
        if let missing = MediaFiles.missing(urls).first {
            printError("photos import", "'\(missing.path)': no such file or folder.")
            throw ExitCode.failure
        }
        let files = MediaFiles.collect(urls, excluding: home.url).map(\.path)
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home.url)
        // One command per file: each is its own transaction, audit line and timeout, so an interrupted import
        // keeps every file it finished and a re-run imports only what is missing.
        var imported: [JSONValue] = [], alreadyInLibrary: [JSONValue] = [], failed: [JSONValue] = []
        for file in files {
            var arguments: JSONObject = ["path": .string(file), "copy": .bool(copy)]
            if let album { arguments["album"] = .string(album) }
            let result = await dispatcher.dispatch(Command(action: "photos.import_media", arguments: arguments, origin: .cli))
            let ids = result.status == .done ? result.data["imported"]?.arrayValue ?? [] : []
            let skipped = result.status == .done ? result.data["already_in_library"]?.arrayValue ?? [] : []
            imported += ids
            alreadyInLibrary += skipped
            if result.status != .done {
                failed.append(.object(["path": .string(file), "message": .string(result.message)]))
            }
            guard !json else { continue }
            for id in ids { print("imported \(id.compactJSON): \(file)") }
            if !skipped.isEmpty { print("already in the library: \(file)") }
            if result.status != .done { printError("photos import", result.message) }
        }
        if json {
            let report: JSONObject = ["imported": .array(imported), "already_in_library": .array(alreadyInLibrary), "failed": .array(failed)]
            print(JSONValue.object(report).compactJSON)
        } else {
            var summary = "Imported \(imported.count) of \(files.count) file\(files.count == 1 ? "" : "s")"
            if !alreadyInLibrary.isEmpty { summary += ", \(alreadyInLibrary.count) already in the library" }
            if !failed.isEmpty { summary += ", \(failed.count) failed" }
            print(summary + ".")
        }
        if !failed.isEmpty { throw ExitCode.failure }
    }
}

/// `relay photos list`: search the library through the dispatcher (`photos.search_media`).
struct PhotosListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List photos and videos, newest first, optionally filtered.",
        discussion: "Example: relay photos list --when last_week --kind photo"
    )

    @Option(help: ArgumentHelp("Taken on this day or in this range: today, yesterday, last_week, march, 2026-03-04, …", valueName: "spec"))
    var when: String?

    @Option(help: ArgumentHelp("Only photo or only video.", valueName: "kind"))
    var kind: String?

    @Flag(help: "Only favorites.")
    var favorites = false

    @Option(help: ArgumentHelp("Only those in this album.", valueName: "name"))
    var album: String?

    @Option(help: ArgumentHelp("Only those with this label (a colour, landscape, portrait, photo, video).", valueName: "label"))
    var label: String?

    @Flag(help: "List Recently Deleted instead of the library.")
    var deleted = false

    @Option(help: "At most this many.")
    var limit: Int = 50

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var home: HomeOptions

    func run() async throws {
        var arguments: JSONObject = ["limit": .int(limit)]
        if let when { arguments["when"] = .string(when) }
        if let kind { arguments["kind"] = .string(kind) }
        if favorites { arguments["favorites"] = .bool(true) }
        if let album { arguments["album"] = .string(album) }
        if let label { arguments["label"] = .string(label) }
        if deleted { arguments["recently_deleted"] = .bool(true) }
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home.url)
        let result = await dispatcher.dispatch(Command(action: "photos.search_media", arguments: arguments, origin: .cli))
        if json {
            print(result.json.compactJSON)
        } else if result.status == .done {
            print(result.message)
            if case .array(let items)? = result.data["items"] {
                for case .object(let item) in items {
                    print(Self.line(item))
                }
            }
        } else {
            printError("photos list", "\(result.status.rawValue): \(result.message)")
        }
        if result.status != .done { throw ExitCode.failure }
    }

    /// `  12  photo  2026-03-14T12:00:00Z  64x48  ★  blue.png`
    static func line(_ item: JSONObject) -> String {
        func text(_ key: String) -> String {
            switch item[key] {
            case .string(let s)?: s
            case .int(let i)?: String(i)
            case .double(let d)?: String(format: "%.1fs", d)
            default: ""
            }
        }
        let favorite = item["favorite"] == .bool(true) ? "★" : " "
        let id = text("id")
        let padded = String(repeating: " ", count: max(0, 5 - id.count)) + id
        let size = text("size")
        return "\(padded)  \(text("kind").padding(toLength: 5, withPad: " ", startingAt: 0))  \(text("taken_at"))  "
            + "\(size.padding(toLength: 9, withPad: " ", startingAt: 0))  \(favorite)  \(text("filename"))"
    }
}
