import ArgumentParser
import Foundation
import RelayKit

/// `--home DIR`: where the simulated phone keeps its state (SQLite files, audit log, files).
struct HomeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "State folder of the simulated phone (default: $RELAY_HOME, else ~/.local/share/relay).", valueName: "dir"),
        completion: .directory)
    var home: String?

    /// The state folder: --home, else $RELAY_HOME, else ~/.local/share/relay.
    var url: URL {
        if let home, !home.isEmpty {
            return URL(fileURLWithPath: (home as NSString).expandingTildeInPath, isDirectory: true)
        }
        return Dispatcher.defaultHome
    }
}

/// Prints one error line on stderr, `relay <command>: <message>`.
func printError(_ command: String, _ message: String) {
    FileHandle.standardError.write(Data("relay \(command): \(message)\n".utf8))
}
