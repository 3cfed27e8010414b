import ArgumentParser
import Foundation
import RelayKit
import RelayScaffold
import RelayPlugins
import RelayJSON

/// `relay plugin`: Create and inspect plugins.
struct PluginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "Create and inspect plugins.",
        subcommands: [New.self, Sync.self, List.self]
    )

    /// `relay plugin new NAME`.
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Scaffold a plugin: Plugins/NAME/Sources, a test, a golden file; regenerate the installed list.",
            discussion: """
                Writes Plugins/<Name>/Sources/<Name>Subsystem.swift (one action with its sentences), \
                Plugins/<Name>/Tests/<Name>Tests.swift and Plugins/<Name>/Tests/Golden/<name>.json, and regenerates \
                Sources/RelayPlugins/InstalledPlugins.swift. Package.swift discovers the new targets by itself: run \
                swift build, then swift test --filter <Name>PluginTests, and relay actions lists it.
                """
        )

        @Argument(help: "The plugin's name in UpperCamelCase, e.g. Flashlight.")
        var name: String

        @Option(help: ArgumentHelp("The package folder (default: the current folder).", valueName: "dir"), completion: .directory)
        var root: String?

        @Flag(help: "Print the files written as JSON.")
        var json = false

        func run() async throws {
            let rootURL = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath, isDirectory: true)
            do {
                let files = try PluginScaffold.create(plugin: name, root: rootURL)
                let relative = files.map { $0.path.replacingOccurrences(of: rootURL.path + "/", with: "") }
                if json {
                    print(JSONValue.object(["plugin": .string(name), "subsystem": .string(PluginScaffold.subsystemName(for: name)),
                                            "files": .array(relative.map { .string($0) })]).compactJSON)
                } else {
                    print("Created the plugin \(name):")
                    for f in relative { print("  \(f)") }
                    print("Next: swift build && swift test --filter \(name)PluginTests")
                }
            } catch let e as KitError {
                printError("plugin new", e.message)
                throw ExitCode.failure
            } catch {
                printError("plugin new", "could not write the plugin under \(rootURL.path): \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }
    }

    /// `relay plugin sync`.
    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Regenerate Sources/RelayPlugins/InstalledPlugins.swift from the plugin folders."
        )

        @Option(help: ArgumentHelp("The package folder (default: the current folder).", valueName: "dir"), completion: .directory)
        var root: String?

        @Flag(help: "Print the plugin names as JSON.")
        var json = false

        func run() async throws {
            let rootURL = URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath, isDirectory: true)
            guard FileManager.default.fileExists(atPath: rootURL.appendingPathComponent("Package.swift").path) else {
                printError("plugin sync", "\(rootURL.path) is not the Relay package (no Package.swift); run from the package folder or pass --root.")
                throw ExitCode.failure
            }
            do {
                let names = try PluginScaffold.regenerateInstalledPlugins(root: rootURL)
                print(json ? JSONValue.array(names.map { .string($0) }).compactJSON : "Installed plugins: \(names.joined(separator: ", "))")
            } catch {
                printError("plugin sync", "could not write \(PluginScaffold.installedPluginsPath): \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }
    }

    /// `relay plugin list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the plugins built into this relay.")

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let subsystems = InstalledPlugins.subsystems
            let rows = zip(InstalledPlugins.names, subsystems).map { name, s -> JSONValue in
                ["plugin": .string(name), "subsystem": .string(s.name), "actions": .int(s.actions.count), "summary": .string(s.summary)]
            }
            if json {
                print(JSONValue.array(rows).compactJSON)
            } else {
                for (name, s) in zip(InstalledPlugins.names, subsystems) {
                    print("\(name)\t\(s.name)\t\(s.actions.count) actions\t\(s.summary)")
                }
            }
        }
    }
}
