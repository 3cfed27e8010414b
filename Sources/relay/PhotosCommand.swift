import ArgumentParser
import Foundation
import PhotosPlugin
import RelayKit
import RelayJSON

/// `relay photos`: Work with the Photos library.
struct PhotosCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "photos",
        abstract: "Work with the Photos library.",
        subcommands: [PhotosImportCommand.self, PhotosListCommand.self]
    )
}

/// `relay photos import PATH…`: import files and folders, one transaction per file.
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
        let files: [URL]
        do {
            files = try PhotoImporter.collectFiles(urls, excluding: PhotoImporter(home: home.url).libraryFolder)
        } catch {
            printError("photos import", "\(error)")
            throw ExitCode.failure
        }
        let store: SubsystemStore
        do {
            store = try SubsystemStore(subsystem: PhotosSubsystem(), home: home.url)
        } catch {
            printError("photos import", "\(error)")
            throw ExitCode.failure
        }
        let started = Date()
        let importer = PhotoImporter(home: home.url, copyOriginals: copy)
        let quiet = json
        let report = try await importer.importFiles(files, album: album, into: store.queue) { event in
            guard !quiet else { return }
            switch event {
            case .imported(let path, let id): print("imported \(id): \(path)")
            case .skipped(let path): print("already in the library: \(path)")
            case .failed(_, let message): printError("photos import", message)
            }
        }
        recordAudit(report, started: started)
        if json {
            print(JSONValue.object(ImportReportJSON.object(report)).compactJSON)
        } else {
            var summary = "Imported \(report.imported.count) of \(files.count) file\(files.count == 1 ? "" : "s")"
            if !report.alreadyInLibrary.isEmpty { summary += ", \(report.alreadyInLibrary.count) already in the library" }
            if !report.failed.isEmpty { summary += ", \(report.failed.count) failed" }
            print(summary + ".")
        }
        if !report.failed.isEmpty { throw ExitCode.failure }
    }

    /// One audit line for the whole import, like a dispatched command's.
    private func recordAudit(_ report: PhotoImporter.Report, started: Date) {
        var arguments: JSONObject = ["paths": .array(paths.map { .string($0) }), "copy": .bool(copy)]
        if let album { arguments["album"] = .string(album) }
        let command = Command(action: "photos.import_media", arguments: arguments, origin: .cli, confirmed: false)
        let result = CommandResult(
            action: command.action, arguments: arguments, status: report.failed.isEmpty || !report.imported.isEmpty ? .done : .failed,
            message: "Imported \(report.imported.count); \(report.alreadyInLibrary.count) already in the library; \(report.failed.count) failed.",
            data: ImportReportJSON.object(report), seconds: Date().timeIntervalSince(started)
        )
        do {
            try AuditLog(home: home.url).append(AuditLog.line(command: command, result: result, time: started))
        } catch {
            printError("photos import", "could not append to the audit log: \(error)")
        }
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
        let dispatcher = Dispatcher(subsystems: [PhotosSubsystem()], home: home.url)
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
