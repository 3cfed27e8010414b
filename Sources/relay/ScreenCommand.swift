import ArgumentParser
import Foundation
import RelayJSON
import RelayKit
import RelayMedia

/// `relay screen`: the phone's rendered screen, and Qwen2.5-VL's mobile_use actions on it.
struct ScreenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Show the phone's screen (screenshot + element list) or act on it with a mobile_use action.",
        subcommands: [ScreenShowCommand.self, ScreenActCommand.self],
        defaultSubcommand: ScreenShowCommand.self
    )
}

/// What both subcommands share: the size, the output file, JSON, the home folder.
struct ScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Screen size in pixels (default: the saved screen's, else 1080x2400).", valueName: "WxH"))
    var size: String?

    @Option(help: ArgumentHelp("Write the screenshot here (PNG, or JPEG for .jpg).", valueName: "file"), completion: .file())
    var out: String?

    @Flag(help: "Print JSON: the route, sizes (screen and smart-resized), the element list, and the action's result.")
    var json = false

    @OptionGroup var home: HomeOptions

    func validate() throws {
        if let size, FrameSize(parsing: size) == nil { throw ValidationError("--size is WIDTHxHEIGHT, such as 1080x2400 or 720x1280.") }
    }

    /// The saved screen (at --size when given), on a dispatcher of this home.
    func phone(command: String) async throws -> PhoneScreen {
        let subsystems = await PhoneSubsystems.load(home: home.url, command: command).subsystems
        let dispatcher = Dispatcher(subsystems: subsystems, home: home.url)
        let saved = try await ScreenState.load(home: home.url)
        var state = saved ?? ScreenState(width: 1080, height: 2400)
        if let size, let parsed = FrameSize(parsing: size), parsed.width != state.width || parsed.height != state.height {
            state.width = parsed.width
            state.height = parsed.height
            state.scroll = 0
        }
        return try PhoneScreen(dispatcher: dispatcher, state: state)
    }

    /// Saves the state, writes the screenshot if asked, and prints the screen (and the result).
    func finish(_ phone: PhoneScreen, result: ScreenActResult?, command: String) async throws {
        try await phone.state.save(home: home.url)
        let layout: ScreenLayout
        var file: String?
        if let out {
            let url = URL(fileURLWithPath: (out as NSString).expandingTildeInPath)
            layout = try await phone.writeScreenshot(to: url)
            file = url.path
        } else {
            layout = try await phone.layout()
        }
        let route = await phone.route
        let resized = phone.resizedSize
        if json {
            var o: JSONObject = [:]
            if let result { o["result"] = result.json }
            o["screen"] = .string(route.screen)
            o["title"] = .string(layout.title)
            o["size"] = [.int(layout.width), .int(layout.height)]
            o["resized"] = [.int(resized.width), .int(resized.height)]
            if let file { o["file"] = .string(file) }
            o["elements"] = layout.elementsJSON(resized: resized)
            print(JSONValue.object(o).compactJSON)
        } else {
            if let result { print("\(result.status): \(result.message)") }
            print("\(route.screen) \(layout.width)x\(layout.height) (the model sees \(resized.width)x\(resized.height))\(file.map { ", written to \($0)" } ?? "")")
            for element in layout.elements { print(element.line) }
        }
    }
}

/// `relay screen [--app NAME]`: the screen as it is now.
struct ScreenShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the screen's element list; --out writes the screenshot.",
        discussion: """
            The phone's screen is kept in <home>/screen.json between runs (which app, which screen, typed text, focus, \
            scroll). Each element line reads: index, class, text, (description), bounds [x1,y1][x2,y2] in screen \
            pixels, flags. --json adds each element's centre in the model's pixels ("tap"): Qwen2.5-VL sees the \
            screenshot smart-resized (1080x2400 → 1092x2408), and mobile_use coordinates are in that space.
            Example: relay screen --app settings --out settings.png
            """
    )

    @Option(help: ArgumentHelp("Open this app first (by name, fuzzy: \"settings\", \"Clock\").", valueName: "name"))
    var app: String?

    @OptionGroup var options: ScreenOptions

    func run() async throws {
        do {
            let phone = try await options.phone(command: "screen")
            if let app {
                let opened = await phone.perform(.open(app))
                guard opened.status == "done" else {
                    printError("screen", opened.message)
                    throw ExitCode.failure
                }
            }
            try await options.finish(phone, result: nil, command: "screen")
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("screen", "\(error)")
            throw ExitCode.failure
        }
    }
}

/// `relay screen act JSON`: one mobile_use action on the saved screen.
struct ScreenActCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "act",
        abstract: "Apply one mobile_use action to the saved screen and print the result and the new element list.",
        discussion: """
            Takes Qwen2.5-VL's answer as it is (<tool_call>{"name": "mobile_use", "arguments": {...}}</tool_call>), the \
            call's JSON, or just its arguments. Coordinates are pixels of the smart-resized screenshot. A tap that \
            changes state is dispatched with origin "screen" (permissions, confirmation, audit). Exit status 1 when \
            the action is malformed or its command did not succeed; a no-op (typing with no focused field) is not an error.
            Example: relay screen act '{"action": "click", "coordinate": [546, 420]}'
            """
    )

    @Argument(help: ArgumentHelp("The mobile_use call.", valueName: "json"))
    var action: String

    @OptionGroup var options: ScreenOptions

    func run() async throws {
        let parsed: MobileAction
        do {
            parsed = try MobileAction(toolCallText: action)
        } catch {
            printError("screen act", "\(error)")
            throw ExitCode.failure
        }
        do {
            let phone = try await options.phone(command: "screen act")
            let result = await phone.perform(parsed)
            try await options.finish(phone, result: result, command: "screen act")
            if !["done", "no_op", "finished"].contains(result.status) { throw ExitCode.failure }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("screen act", "\(error)")
            throw ExitCode.failure
        }
    }
}
