public import Foundation
public import RelayJSON
public import RelayMedia
public import RelayModel
import RelayCore
import RelayLanguage

/// Where the phone's screen is, kept between `relay screen` runs in `<home>/screen.json`.
public struct ScreenState: Codable, Sendable, Hashable {
    /// The screen size in pixels.
    public var width: Int
    /// The screen size in pixels.
    public var height: Int
    /// The open screens, the last on top; empty on the home screen.
    public var stack: [ScreenRoute] = []
    /// Text typed into the top screen's fields, by field id.
    public var fields: [String: String] = [:]
    /// The field with the keyboard's focus.
    public var focused: String?
    /// How far the top screen is scrolled, in pixels.
    public var scroll: Int = 0
    /// A tapped command waiting for OK in a dialog (it needs confirmation).
    public var pending: PendingCommand?

    /// A command that asked for confirmation, shown as a dialog until OK or Cancel.
    public struct PendingCommand: Codable, Sendable, Hashable {
        /// The action.
        public var action: String
        /// Its arguments, as compact JSON.
        public var arguments: String
        /// The dispatcher's question ("Cancel all 3 alarms?").
        public var question: String
        /// Whether a done result closes the screen.
        public var thenBack: Bool
    }

    /// The home screen at a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The file it is kept in.
    public static func url(home: URL) -> URL { home.appendingPathComponent("screen.json") }

    /// The state saved in `home`, if any (read on a pool thread).
    public static func load(home: URL) async throws -> ScreenState? {
        try await BlockingWork.run {
            let url = url(home: home)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            do {
                return try JSONDecoder().decode(ScreenState.self, from: Data(contentsOf: url))
            } catch {
                throw KitError(.file, "\(url.path) is not a saved screen (\(error)); delete it to start from the home screen.")
            }
        }
    }

    /// Saves it in `home` (written on a pool thread, atomically).
    public func save(home: URL) async throws {
        let data = try JSONEncoder().encode(self)
        try await BlockingWork.run {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try data.write(to: ScreenState.url(home: home), options: .atomic)
        }
    }

    mutating func resetTop() {
        fields = [:]
        focused = nil
        scroll = 0
        pending = nil
    }
}

/// What one `mobile_use` action did.
public struct ScreenActResult: Sendable {
    /// The action.
    public var action: MobileAction
    /// `done`, `no_op` (nothing on the screen reacts, as on a real phone), `finished` (terminate), `not_found`
    /// (no such app), or the status of the command a tap dispatched (`needs_confirmation`, `refused`, …).
    public var status: String
    /// What happened, in words.
    public var message: String
    /// The command a tap or key dispatched, with its result.
    public var command: CommandResult?

    /// The result as JSON.
    public var json: JSONValue {
        var o: JSONObject = ["action": .object(action.arguments), "status": .string(status), "message": .string(message)]
        if let command { o["command"] = command.json }
        return .object(o)
    }
}

/// The phone's screen: a navigation stack over the apps' declared ``Screen``s, focus and typing, Qwen2.5-VL's
/// `mobile_use` actions, with coordinates in pixels of the smart-resized screenshot the model sees.
///
/// Every tap that changes state is a command to the dispatcher with origin ``CommandOrigin/screen``, so permissions,
/// confirmation, time limits, undo and the audit log apply as they do to a spoken or typed command. Actions nothing
/// reacts to (typing with no focused field, a tap on empty space) change nothing and say so (`no_op`).
public actor PhoneScreen {
    /// The dispatcher taps go through.
    public nonisolated let dispatcher: Dispatcher
    /// Screen pixels ↔ the model's pixels (smart_resize, factor 28).
    public nonisolated let mapping: CoordinateMapping
    /// Where the screen is.
    public private(set) var state: ScreenState
    private var renderer: ScreenRenderer?

    /// A screen of `state`'s size (1080×2400 and 720×1280 are the phones Relay draws), drawn by `renderer` (one
    /// shared by several screens keeps its loaded fonts and glyphs; by default the screen makes its own on first use).
    /// - Throws: `ModelError` when the size cannot be smart-resized (a side of 0, an aspect ratio over 200).
    public init(dispatcher: Dispatcher, state: ScreenState, renderer: ScreenRenderer? = nil) throws {
        guard (100...4096).contains(state.width), (100...4096).contains(state.height) else {
            throw KitError(.invalidScreenAction, "A screen of \(state.width)x\(state.height) is not a phone; use 100 to 4096 pixels a side (1080x2400, 720x1280).")
        }
        let resized = try QwenVision.smartResize(height: state.height, width: state.width, factor: QwenVision.imageFactor)
        mapping = CoordinateMapping(resizedWidth: resized.width, resizedHeight: resized.height, originalWidth: state.width, originalHeight: state.height)
        self.dispatcher = dispatcher
        self.state = state
        self.renderer = renderer
    }

    /// The size the model sees the screenshot at (Qwen2.5-VL's smart_resize of the screen).
    public nonisolated var resizedSize: (width: Int, height: Int) { (mapping.resizedWidth, mapping.resizedHeight) }

    /// The apps on the home screen: every installed subsystem but the phone's own.
    public nonisolated var apps: [any Subsystem] { dispatcher.catalog.subsystems.filter { $0.name != RelaySystemSubsystem().name } }

    // MARK: - Looking

    /// Lays out the top screen from the committed state.
    public func layout() async throws -> ScreenLayout {
        let calendar = dispatcher.calendar
        let now = await dispatcher.now()
        var context = ScreenLayout.Context(fields: state.fields, focused: state.focused, scroll: state.scroll,
                                           clock: Self.format(now, "HH:mm", calendar), showsBack: true)
        context.dialog = state.pending?.question
        guard let route = state.stack.last else {
            context.focused = nil
            return ScreenLayout(homeWith: apps.map { ($0.name, $0.displayName) }, date: Self.format(now, "EEEE, d MMMM", calendar),
                                width: state.width, height: state.height, context: context)
        }
        guard let app = dispatcher.catalog.subsystem(named: route.subsystem) else {
            throw KitError(.unknownName, "The screen \(route.screen) belongs to no installed app; press Home.")
        }
        guard let screen = app.screens.first(where: { $0.name == route.screen }) else {
            // An app without screens opens a page about it.
            let nodes: [ScreenNode] = [.text(app.summary, style: .caption), .text("This app has no screen yet.", style: .caption)]
            return ScreenLayout(nodes: nodes, title: app.displayName, width: state.width, height: state.height, context: context)
        }
        let parameters = route.parameters
        let (title, nodes) = try await dispatcher.read(app.name) { db in
            (try screen.title(db, parameters: parameters), try screen.body(db, parameters: parameters, calendar: calendar))
        }
        let home = dispatcher.home
        let resolved = nodes.map { $0.resolvingPaths(against: home) }
        let laid = ScreenLayout(nodes: resolved, title: title, width: state.width, height: state.height, context: context)
        // Scrolled past the end (the keyboard went away, a row was deleted): the end is shown instead.
        let limit = max(0, laid.contentHeight - laid.viewport.height)
        guard state.scroll > limit else { return laid }
        state.scroll = limit
        context.scroll = limit
        return ScreenLayout(nodes: resolved, title: title, width: state.width, height: state.height, context: context)
    }

    /// The top screen, laid out and drawn (the drawing runs on a pool thread).
    public func screenshot() async throws -> (layout: ScreenLayout, canvas: Canvas) {
        let layout = try await layout()
        let renderer: ScreenRenderer
        if let existing = self.renderer {
            renderer = existing
        } else {
            renderer = try await BlockingWork.run { try ScreenRenderer() }
            self.renderer = renderer
        }
        let dark = try await appearance().isDark
        let canvas = try await BlockingWork.run { try renderer.render(layout, dark: dark) }
        return (layout, canvas)
    }

    /// How the screens look now: dark when a subsystem that decides it says so (Settings' dark mode).
    public func appearance() async throws -> ScreenAppearance {
        var appearance = ScreenAppearance()
        for subsystem in dispatcher.catalog.subsystems where subsystem.decidesScreenAppearance {
            let decided = try await dispatcher.read(subsystem.name) { db in try subsystem.screenAppearance(in: db) }
            appearance.isDark = appearance.isDark || decided.isDark
        }
        return appearance
    }

    /// Draws the top screen and writes it to `url`: JPEG for a `.jpg`/`.jpeg` name, else PNG (encoding and writing run
    /// on a pool thread, through RelayMedia's encoder). Returns the layout drawn.
    @discardableResult
    public func writeScreenshot(to url: URL) async throws -> ScreenLayout {
        let (layout, canvas) = try await screenshot()
        let jpeg = ["jpg", "jpeg"].contains(url.pathExtension.lowercased())
        try await BlockingWork.run {
            let bytes = try jpeg ? canvas.encodeJPEG(quality: 90) : canvas.encodePNG()
            do {
                try Data(bytes).write(to: url, options: .atomic)
            } catch {
                throw KitError(.file, "Cannot write the screenshot to \(url.path): \(error.localizedDescription).")
            }
        }
        return layout
    }

    /// The route on top (`home` on the home screen).
    public var route: ScreenRoute { state.stack.last ?? .home }

    static func format(_ date: Date, _ pattern: String, _ calendar: Calendar) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.calendar = calendar
        f.timeZone = calendar.timeZone
        f.dateFormat = pattern
        return f.string(from: date)
    }

    // MARK: - Acting

    /// Carries out one `mobile_use` action.
    @discardableResult
    public func perform(_ action: MobileAction) async -> ScreenActResult {
        func result(_ status: String, _ message: String, _ command: CommandResult? = nil) -> ScreenActResult {
            ScreenActResult(action: action, status: status, message: message, command: command)
        }
        do {
            switch action {
            case .click(let x, let y):
                guard let (sx, sy) = toScreen(x: x, y: y) else {
                    return result("no_op", "(\(x), \(y)) is outside the \(mapping.resizedWidth)x\(mapping.resizedHeight) screenshot.")
                }
                let layout = try await layout()
                guard let element = layout.element(atX: sx, y: sy), let target = element.target else {
                    return result("no_op", "Nothing to tap at (\(x), \(y)).")
                }
                return await activate(target, element: element, action: action)
            case .longPress(let x, let y, _):
                guard let (sx, sy) = toScreen(x: x, y: y) else {
                    return result("no_op", "(\(x), \(y)) is outside the \(mapping.resizedWidth)x\(mapping.resizedHeight) screenshot.")
                }
                let element = try await layout().element(atX: sx, y: sy)
                return result("no_op", element.map { "A long press on \($0.text.isEmpty ? $0.description ?? "it" : "“\($0.text)”") does nothing here." }
                                ?? "Nothing to press at (\(x), \(y)).")
            case .swipe(_, let fromY, _, let toY):
                let layout = try await layout()
                let fingerTravel: Double = Double(fromY - toY) * Double(state.height) / Double(mapping.resizedHeight)
                let dy = Int(fingerTravel.rounded())
                let limit = max(0, layout.contentHeight - layout.viewport.height)
                let scroll = min(limit, max(0, state.scroll + dy))
                guard scroll != state.scroll else { return result("no_op", limit == 0 ? "The screen does not scroll." : "The list is already at its \(dy > 0 ? "end" : "top").") }
                state.scroll = scroll
                return result("done", "Scrolled to \(scroll) of \(limit) pixels.")
            case .type(let text):
                guard let field = state.focused else { return result("no_op", "No text field has focus; tap one first.") }
                state.fields[field, default: ""] += text
                return result("done", "Typed “\(text)”.")
            case .key(let name):
                return await key(name, action: action)
            case .systemButton(let button):
                return press(button, action: action)
            case .open(let name):
                guard let app = app(named: name) else {
                    return result("not_found", "There is no app named \(name); the phone has \(apps.map(\.displayName).joined(separator: ", ")).")
                }
                state.stack = [route(for: app)]
                state.resetTop()
                return result("done", "Opened \(app.displayName).")
            case .wait(let seconds):
                return result("no_op", "Waited \(seconds.formatted()) s; the screen did not change.")
            case .terminate(let success):
                return result("finished", success ? "The task is done." : "The task could not be done.")
            }
        } catch {
            return result("failed", "\(error)")
        }
    }

    /// Model pixels → screen pixels, nil outside the screenshot.
    public nonisolated func toScreen(x: Int, y: Int) -> (x: Int, y: Int)? {
        guard (0...mapping.resizedWidth).contains(x), (0...mapping.resizedHeight).contains(y) else { return nil }
        let p = mapping.toOriginal(x: Double(x), y: Double(y))
        return (min(mapping.originalWidth - 1, Int(p.x)), min(mapping.originalHeight - 1, Int(p.y)))
    }

    private func route(for app: any Subsystem) -> ScreenRoute {
        ScreenRoute(screen: app.screens.first?.name ?? "\(app.name).about")
    }

    /// The app whose name or display name is `name`, or begins with it, or is within a small edit distance of it.
    func app(named name: String) -> (any Subsystem)? {
        let wanted = TextNormalizer.normalize(name)
        guard !wanted.isEmpty else { return nil }
        let names = apps.map { ($0, TextNormalizer.normalize($0.displayName), TextNormalizer.normalize($0.name)) }
        if let exact = names.first(where: { $0.1 == wanted || $0.2 == wanted }) { return exact.0 }
        if let prefix = names.first(where: { $0.1.hasPrefix(wanted) || wanted.hasPrefix($0.1) }) { return prefix.0 }
        let scored = names.map { ($0.0, EditDistance.between($0.1, wanted)) }.min { $0.1 < $1.1 }
        if let (app, distance) = scored, distance <= max(1, wanted.count / 4) { return app }
        return nil
    }

    private func activate(_ target: ScreenTarget, element: ScreenElement, action: MobileAction) async -> ScreenActResult {
        func result(_ status: String, _ message: String, _ command: CommandResult? = nil) -> ScreenActResult {
            ScreenActResult(action: action, status: status, message: message, command: command)
        }
        switch target {
        case .openApp(let name):
            guard let app = dispatcher.catalog.subsystem(named: name) else { return result("not_found", "\(name) is not installed.") }
            state.stack.append(route(for: app))
            state.resetTop()
            return result("done", "Opened \(app.displayName).")
        case .focus(let field):
            state.focused = field
            // The keyboard covers the bottom of the screen: scroll the field into view above it, as phones do.
            if let laid = try? await layout(), let full = laid.elements.first(where: { $0.isFocused })?.fullBounds,
               full.maxY > laid.viewport.maxY {
                let limit = max(0, laid.contentHeight - laid.viewport.height)
                state.scroll = min(limit, state.scroll + full.maxY - laid.viewport.maxY + laid.dp(8))
            }
            return result("done", "The field \(element.description ?? field) has focus.")
        case .tap(.back):
            return press(.back, action: action)
        case .confirm(false):
            state.pending = nil
            return result("done", "Cancelled; nothing was changed.")
        case .confirm(true):
            guard let pending = state.pending else { return result("no_op", "There is nothing to confirm.") }
            state.pending = nil
            let arguments = (try? JSONValue(parsing: pending.arguments))?.objectValue ?? [:]
            let outcome = await dispatcher.dispatch(Command(action: pending.action, arguments: arguments, origin: .screen, confirmed: true))
            if outcome.isDone, pending.thenBack {
                _ = state.stack.popLast()
                state.resetTop()
            }
            return result(outcome.status.rawValue, outcome.message, outcome)
        case .tap(.open(let screen, let parameters)):
            state.stack.append(ScreenRoute(screen: screen, parameters: parameters))
            state.resetTop()
            let title = (try? await layout().title).flatMap { $0.isEmpty ? nil : $0 } ?? screen
            return result("done", "Opened \(title).")
        case .tap(.call(let name, var arguments, let fields, let thenBack)):
            for (argument, field) in fields {
                if let text = state.fields[field]?.trimmingCharacters(in: .whitespaces), !text.isEmpty { arguments[argument] = .string(text) }
            }
            let outcome = await dispatcher.dispatch(Command(action: name, arguments: arguments, origin: .screen))
            if outcome.status == .needsConfirmation {
                // As a phone does: a dialog asks, and OK repeats the command confirmed.
                state.pending = ScreenState.PendingCommand(action: name, arguments: JSONValue.object(arguments).compactJSON,
                                                           question: outcome.message, thenBack: thenBack)
                state.focused = nil
            }
            if outcome.isDone, thenBack {
                _ = state.stack.popLast()
                state.resetTop()
            } else if outcome.isDone, !fields.isEmpty {
                // The form was used: its text is cleared and the keyboard hidden, as a sent message leaves the box empty.
                for field in fields.values { state.fields[field] = nil }
                state.focused = nil
            }
            return result(outcome.status.rawValue, outcome.message, outcome)
        }
    }

    private func press(_ button: MobileAction.SystemButton, action: MobileAction) -> ScreenActResult {
        func result(_ status: String, _ message: String) -> ScreenActResult { ScreenActResult(action: action, status: status, message: message) }
        switch button {
        case .back where state.pending != nil:
            state.pending = nil
            return result("done", "The dialog is dismissed; nothing was changed.")
        case .back:
            if state.focused != nil {
                state.focused = nil
                return result("done", "The keyboard is hidden.")
            }
            guard state.stack.popLast() != nil else { return result("no_op", "Already on the home screen.") }
            state.resetTop()
            return result("done", state.stack.isEmpty ? "Back on the home screen." : "Went back.")
        case .home:
            let wasHome = state.stack.isEmpty
            state.stack = []
            state.resetTop()
            return result(wasHome ? "no_op" : "done", wasHome ? "Already on the home screen." : "Went to the home screen.")
        case .menu:
            return result("no_op", "This screen has no menu.")
        case .enter:
            guard state.focused != nil else { return result("no_op", "No text field has focus.") }
            state.focused = nil
            return result("done", "The keyboard is hidden.")
        }
    }

    private func key(_ name: String, action: MobileAction) async -> ScreenActResult {
        let key = name.lowercased().replacingOccurrences(of: "keycode_", with: "")
        switch key {
        case "volume_up", "volume_down":
            guard dispatcher.catalog.action(named: "settings.adjust_level") != nil else {
                return ScreenActResult(action: action, status: "no_op", message: "This phone has no volume setting.")
            }
            let outcome = await dispatcher.dispatch(Command(action: "settings.adjust_level", arguments: [
                "level": "volume", "direction": .string(key == "volume_up" ? "up" : "down"),
            ], origin: .screen))
            return ScreenActResult(action: action, status: outcome.status.rawValue, message: outcome.message, command: outcome)
        case "clear":
            guard let field = state.focused, !(state.fields[field] ?? "").isEmpty else {
                return ScreenActResult(action: action, status: "no_op", message: "There is no text to clear.")
            }
            state.fields[field] = ""
            return ScreenActResult(action: action, status: "done", message: "Cleared the field.")
        case "del", "backspace", "delete":
            guard let field = state.focused, let text = state.fields[field], !text.isEmpty else {
                return ScreenActResult(action: action, status: "no_op", message: "There is no text to delete.")
            }
            state.fields[field] = String(text.dropLast())
            return ScreenActResult(action: action, status: "done", message: "Deleted a character.")
        case "enter": return press(.enter, action: action)
        case "back": return press(.back, action: action)
        case "home": return press(.home, action: action)
        case "menu": return press(.menu, action: action)
        default:
            return ScreenActResult(action: action, status: "no_op", message: "The key \(name) does nothing here.")
        }
    }
}
