import ArgumentParser
import Foundation
import RelayKit
import RelayPlugins
import RelayJSON

/// `relay call`: Run one action through the dispatcher.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Run one action through the dispatcher.",
        discussion: """
            Validates the arguments, resolves names, asks for confirmation of destructive actions (pass --yes), runs \
            the action in one transaction and appends it to <home>/audit.jsonl. Prints the result's message; with \
            --json prints {"action", "status", "message", "arguments", "data", ["candidates"], ["problems"]}. \
            The exit status is 0 when the status is done and 1 otherwise (invalid_arguments, not_found, ambiguous, \
            needs_confirmation, refused, failed).
            Example: relay call settings.set_level --args '{"level": "brightness", "percent": 40}'
            """
    )

    @Argument(help: "The action's name, e.g. photos.create_album (see relay actions).")
    var action: String

    @Option(help: ArgumentHelp("The arguments as a JSON object.", valueName: "json"))
    var args: String = "{}"

    @Flag(name: [.long, .customShort("y")], help: "Confirm a destructive action.")
    var yes = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Option(help: "How long the action may run, in seconds.")
    var timeout: Double = 30

    @OptionGroup var home: HomeOptions

    func run() async throws {
        let arguments: JSONObject
        do {
            guard case .object(let o) = try JSONValue(parsing: args) else {
                printError("call", "--args must be a JSON object such as '{\"name\": \"Trip\"}', not \(args).")
                throw ExitCode.failure
            }
            arguments = o
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("call", "--args is not valid JSON (\(error)); pass an object such as '{\"name\": \"Trip\"}'.")
            throw ExitCode.failure
        }
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds.")
        }
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home.url,
                                    timeout: .milliseconds(Int64(timeout * 1000)))
        let result = await dispatcher.dispatch(Command(action: action, arguments: arguments, origin: .cli, confirmed: yes))
        if json {
            print(result.json.compactJSON)
        } else if result.status == .done {
            print(result.message)
        } else {
            var line = "\(result.status.rawValue): \(result.message)"
            if result.status == .needsConfirmation { line += " (run again with --yes)" }
            printError("call", line)
        }
        if result.status != .done { throw ExitCode.failure }
    }
}
