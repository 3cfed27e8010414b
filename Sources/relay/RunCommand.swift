import ArgumentParser
import Foundation
import RelayAgent
import RelayKit
import RelayPlugins

/// `relay run`: Keep the phone alive: timers finish, alarms ring, Recently Deleted is purged.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Keep the phone alive: timers finish, alarms ring, old deleted items are purged.",
        discussion: """
            Runs until Ctrl-C (or --for SECONDS). First reports what fell due while Relay was not running \
            ("Your 7:30 AM alarm went off while Relay was not running"), then fires each timer and alarm when it \
            is due: a line on stdout (with --json a JSON object {"event": "phone", "subsystem", "kind", "message", \
            "time", "announce", "data"}), spoken with --speak, and an audit entry. relay listen does the same \
            while it listens. Commands from other processes (relay call, relay say) are noticed within a second.
            Example: relay run --json --speak
            """
    )

    @Flag(help: "Print each event as a JSON line.")
    var json = false

    @Flag(help: "Speak alarms and timers (espeak-ng through ALSA).")
    var speak = false

    @Option(name: .customLong("for"), help: ArgumentHelp("Stop after this many seconds.", valueName: "seconds"))
    var seconds: Double?

    @OptionGroup var home: HomeOptions

    func run() async throws {
        if let seconds, !(seconds >= 0 && seconds.isFinite) { throw ValidationError("--for must be a number of seconds.") }
        let clock = SystemPhoneClock()
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home.url, now: { clock.now() })
        let speaker = speak ? ReplySpeaker(device: "default") : nil
        if !json { FileHandle.standardError.write(Data("Relay is running… (Ctrl-C to stop)\n".utf8)) }
        let json = self.json
        let running = Task {
            for await event in PhoneHeartbeat(dispatcher: dispatcher, clock: clock).events() {
                SayCommand.print(.phone(event), json: json)
                if event.announce, let speaker { await speaker.say(event.message) }
            }
        }
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { running.cancel() }
        interrupt.resume()
        defer { interrupt.cancel() }
        if let seconds {
            let stop = Task { try await Task.sleep(for: .milliseconds(Int64(seconds * 1000))); running.cancel() }
            await running.value
            stop.cancel()
        } else {
            await running.value
        }
    }
}

/// `relay undo`: Undo the last command that changed something.
struct UndoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo the last command that changed something (run it again to redo).",
        discussion: """
            Reverts the rows the last command of this home changed, in every subsystem it touched (the camera's \
            photo and its Photos entry together). Undoing an undo redoes it. A sent message cannot be undone, \
            and relay undo says so. Prints the result's message; with --json the result object. Exit status 0 \
            when something was undone.
            Example: relay say "delete all my photos" --yes && relay undo
            """
    )

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var home: HomeOptions

    func run() async throws {
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home.url)
        let result = await dispatcher.undoLast(origin: .cli)
        if json {
            print(result.json.compactJSON)
        } else if result.isDone {
            print(result.message)
        } else {
            printError("undo", "\(result.status.rawValue): \(result.message)")
        }
        if !result.isDone { throw ExitCode.failure }
    }
}
