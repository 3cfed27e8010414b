import ArgumentParser
import Foundation
import RelayKit
import RelayPlugins
import RelayJSON

/// `relay state`: Show the state of a subsystem.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Show the state of a subsystem.",
        discussion: """
            Prints the subsystem's state snapshot (indented JSON); --json prints it on one line. Without a subsystem, \
            lists the installed subsystems and their state files.
            """
    )

    @Argument(help: "The subsystem, e.g. settings (see relay actions).")
    var subsystem: String?

    @Flag(help: "Print compact JSON.")
    var json = false

    @OptionGroup var home: HomeOptions

    func run() async throws {
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home.url)
        guard let subsystem else {
            let list = dispatcher.catalog.subsystems.map { s -> JSONValue in
                let file = home.url.appendingPathComponent("\(s.name).sqlite").path
                return ["name": .string(s.name), "display_name": .string(s.displayName), "file": .string(file),
                        "exists": .bool(FileManager.default.fileExists(atPath: file))]
            }
            if json {
                print(JSONValue.array(list).compactJSON)
            } else {
                for case .object(let o) in list {
                    print("\(o["name"]?.stringValue ?? "")\t\(o["file"]?.stringValue ?? "")\(o["exists"] == .bool(true) ? "" : " (not created yet)")")
                }
            }
            return
        }
        do {
            let state = try await dispatcher.state(of: subsystem)
            print(json ? state.compactJSON : PrettyJSON.render(state))
        } catch {
            printError("state", "\(error)")
            throw ExitCode.failure
        }
    }
}
