public import RelayKit
import Foundation
import RelayLanguage
import RelayMedia

/// What a phone agent is shown at one step: what a real model's prompt holds, nothing more. The screen's title (drawn
/// in its app bar), the element list, the screenshot's sizes; never the apps' databases.
public struct GUIObservation: Sendable {
    /// The app bar's title ("" on the home screen).
    public var title: String
    /// The visible elements, top to bottom, bounds in screen pixels.
    public var elements: [ScreenElement]
    /// The screen in pixels.
    public var screen: (width: Int, height: Int)
    /// The screenshot as the model sees it (smart-resized); `mobile_use` coordinates are in this space.
    public var resized: (width: Int, height: Int)

    public init(title: String, elements: [ScreenElement], screen: (width: Int, height: Int), resized: (width: Int, height: Int)) {
        self.title = title
        self.elements = elements
        self.screen = screen
        self.resized = resized
    }

    /// An element's centre in the model's pixels.
    public func tap(_ element: ScreenElement) -> (x: Int, y: Int) {
        let c = element.center
        return point(x: c.x, y: c.y)
    }

    /// A screen pixel in the model's pixels.
    public func point(x: Int, y: Int) -> (x: Int, y: Int) {
        (Int((Double(x) + 0.5) * Double(resized.width) / Double(screen.width)),
         Int((Double(y) + 0.5) * Double(resized.height) / Double(screen.height)))
    }
}

/// The embedded model's GUI skill: it plays Qwen2.5-VL's part in the `mobile_use` loop, answering with the exact
/// `<tool_call>` text Qwen writes, from the task, the screen's element list and the earlier actions.
///
/// It understands the phrasings of the built-in apps' tasks (switches, levels, alarms, messages, photos, the camera):
/// it opens the app by name, finds the element whose text matches the goal (loosely: "wifi" finds "Wi-Fi"), taps
/// switches and buttons, types into focused fields, presses Enter, and ends with `terminate(success)` when the
/// screen shows the goal met, or `terminate(failure)` when the goal is nowhere to be found. What it looks for may be
/// below the fold: on a screen that scrolls it swipes up to look further (at most ``maxSwipes`` times in a row, and
/// only while a row is cut off at the bottom of the list, which is what the screenshot shows too) before it gives
/// up. It never reads hidden state: what it knows is what the prompt says.
public struct GUISkill: Sendable {
    /// The most swipes in a row while looking for something below the fold.
    public static let maxSwipes = 4

    public init() {}

    /// The answer to one step, as Qwen writes it:
    /// `<tool_call>\n{"name": "mobile_use", "arguments": {…}}\n</tool_call>`.
    public func answer(task: String, observation: GUIObservation, history: [MobileAction]) -> String {
        Self.toolCallText(decide(task: task, observation: observation, history: history))
    }

    /// A `mobile_use` call in Qwen's format.
    public static func toolCallText(_ action: MobileAction) -> String {
        let call: JSONValue = ["name": .string(MobileAction.functionName), "arguments": .object(action.arguments)]
        return "<tool_call>\n\(call.qwenJSON)\n</tool_call>"
    }

    /// What the goal asks for.
    enum Goal: Equatable {
        case toggle(String, on: Bool)
        case level(String, Int)
        case setAlarm(TimeOfDay)
        case switchAlarm(TimeOfDay, on: Bool)
        case deleteAlarms
        case send(to: String, text: String)
        case favoriteNewest
        case createAlbum(String)
        case albumNewest(String)
        case takePhoto
        case unknown

        var app: String? {
            switch self {
            case .toggle, .level: "Settings"
            case .setAlarm, .switchAlarm, .deleteAlarms: "Clock"
            case .send: "Messages"
            case .favoriteNewest, .createAlbum, .albumNewest: "Photos"
            case .takePhoto: "Camera"
            case .unknown: nil
            }
        }
    }

    /// Reads the task's words.
    static func goal(_ task: String) -> Goal {
        let text = task.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".!")))
        let lower = text.lowercased()
        if let m = match(#"^send (.+?) (?:a )?message saying (.+)$"#, text) { return .send(to: m[0], text: m[1]) }
        if let m = match(#"^(?:send a message to|text|message) (.+?)(?: saying|:) (.+)$"#, text) { return .send(to: m[0], text: m[1]) }
        if let m = match(#"^set (?:the )?(volume|brightness) to (-?\d+) ?%$"#, lower), let n = Int(m[1]) { return .level(m[0], n) }
        if let m = match(#"^set an alarm for (.+)$"#, lower), let t = parseTime(m[0]) { return .setAlarm(t) }
        if let m = match(#"^(?:create|make) (?:a |an )?(?:new )?album (?:named|called|titled) (.+?),? and (?:add|put) the (?:newest|latest|most recent) photo (?:to|in|into) it$"#, text) {
            return .albumNewest(m[0])
        }
        if let m = match(#"^(?:create|make|add) (?:a |an )?(?:new )?album (?:named|called|titled) (.+)$"#, text) { return .createAlbum(m[0]) }
        if lower.contains("delete all alarms") || lower.contains("delete every alarm") { return .deleteAlarms }
        if lower.contains("photo") || lower.contains("picture") {
            if lower.contains("favorite") || lower.contains("favourite"),
               ["newest", "latest", "most recent", "last"].contains(where: lower.contains) { return .favoriteNewest }
            if ["take", "snap", "shoot"].contains(where: lower.hasPrefix) { return .takePhoto }
        }
        var target: String?, on: Bool?
        if let m = match(#"^(?:turn|switch|put) (on|off) (?:the )?(.+)$"#, lower) { (on, target) = (m[0] == "on", m[1]) }
        else if let m = match(#"^(?:turn|switch|put) (?:the )?(.+?) (on|off)$"#, lower) { (on, target) = (m[1] == "on", m[0]) }
        else if let m = match(#"^(enable|disable|activate|deactivate) (?:the )?(.+)$"#, lower) { (on, target) = (!m[0].hasPrefix("d"), m[1]) }
        guard let target, let on else { return .unknown }
        if target.hasSuffix(" alarm"), let t = parseTime(String(target.dropLast(6))) { return .switchAlarm(t, on: on) }
        return .toggle(target, on: on)
    }

    private static func match(_ pattern: String, _ text: String) -> [String]? {
        guard let re = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
              let m = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<m.numberOfRanges).map { i in Range(m.range(at: i), in: text).map { String(text[$0]) } ?? "" }
    }

    /// "6:45 AM", "18:30", "7 pm" → a time of day.
    static func parseTime(_ text: String) -> TimeOfDay? {
        guard let m = match(#"^\s*(?:the )?(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$"#, text.lowercased()),
              var hour = Int(m[0]) else { return nil }
        let minute = Int(m[1]) ?? 0
        if m[2].hasPrefix("p"), hour < 12 { hour += 12 }
        if m[2].hasPrefix("a"), hour == 12 { hour = 0 }
        return TimeOfDay(hour: hour, minute: minute)
    }

    /// Loose text equality: case, spaces and punctuation ignored ("wifi" = "Wi-Fi"), one slip allowed in longer words.
    static func matches(_ a: String, _ b: String) -> Bool {
        let x = squash(a), y = squash(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        if x == y { return true }
        return min(x.count, y.count) >= 5 && EditDistance.between(x, y) <= 1
    }

    private static func squash(_ s: String) -> String {
        String(TextNormalizer.normalize(s).filter { $0.isLetter || $0.isNumber })
    }

    // MARK: - Deciding

    /// The next action.
    public func decide(task: String, observation o: GUIObservation, history: [MobileAction]) -> MobileAction {
        let goal = Self.goal(task)
        guard let app = goal.app else { return .terminate(success: false) }
        let els = o.elements
        func click(_ e: ScreenElement) -> MobileAction {
            let p = o.tap(e)
            return .click(x: p.x, y: p.y)
        }
        func find(_ text: String, _ kind: String? = nil) -> ScreenElement? {
            els.first { (kind == nil || $0.className.hasSuffix(kind!)) && Self.matches($0.text, text) }
        }
        let opened = history.contains { if case .open(let name) = $0 { Self.matches(name, app) } else { false } }
        /// Not on this part of the screen: swipe up to see more of the list, or give up.
        func notFound() -> MobileAction { Self.swipeFurther(o, history: history) ?? .terminate(success: false) }

        // A dialog takes every tap: answer it if it is ours (deleting alarms), else cancel it.
        if let ok = find("OK", "Button"), let cancel = find("Cancel", "Button") {
            return goal == .deleteAlarms ? click(ok) : click(cancel)
        }
        // Not in the app yet: open it (once; found nowhere after that, the goal cannot be reached).
        let inApp = Self.isShowing(app, o)
        if !inApp {
            if !opened { return .open(app) }
            return history.count < 2 ? .systemButton(.back) : .terminate(success: false)
        }

        switch goal {
        case .toggle(let name, let on):
            guard let row = find(name, "Switch") else { return notFound() }
            if row.isChecked == on { return .terminate(success: true) }
            return click(row)

        case .level(let name, let target):
            guard let row = find(name, "TextView"), let value = row.description.flatMap({ Int($0.filter(\.isNumber)) }) else {
                return notFound()
            }
            if value == target { return .terminate(success: true) }
            guard (0...100).contains(target) else { return .terminate(success: false) }
            let word = value < target ? "Increase" : "Decrease"
            guard let button = els.first(where: { $0.className.hasSuffix("Button") && ($0.description ?? "").hasPrefix(word)
                                                && Self.matches(String(($0.description ?? "").dropFirst(word.count + 1)), name) }) else {
                return .terminate(success: false)
            }
            return click(button)

        case .setAlarm(let time):
            if let field = els.first(where: { $0.isEditable && ($0.description ?? "").hasPrefix("Time") }) {
                return fill(field, with: time.canonical, submit: "Save")
            }
            if let row = alarmRow(time, els), row.isChecked { return .terminate(success: true) }
            if let row = alarmRow(time, els) { return click(row) }
            guard let add = find("Add alarm", "Button") else { return notFound() }
            return click(add)

        case .switchAlarm(let time, let on):
            guard let row = alarmRow(time, els) else { return notFound() }
            return row.isChecked == on ? .terminate(success: true) : click(row)

        case .deleteAlarms:
            if let delete = find("Delete all alarms", "Button") { return click(delete) }
            return els.contains(where: { $0.text == "No alarms" }) ? .terminate(success: true) : notFound()

        case .send(let contact, let text):
            if let field = els.first(where: { $0.isEditable && ($0.description ?? "").hasPrefix("Message") }) {
                // In a conversation: is it the right one?
                guard Self.names(o.title, contact) else { return .systemButton(.back) }
                if els.contains(where: { $0.text == text && ($0.description ?? "").hasPrefix("You") }) && field.text.isEmpty {
                    return .terminate(success: true)
                }
                return fill(field, with: text, submit: "Send")
            }
            guard let row = els.first(where: { $0.isClickable && Self.names($0.text, contact) }) else { return notFound() }
            return click(row)

        case .favoriteNewest:
            if let favorite = find("Favorite", "Switch") {
                return favorite.isChecked ? .terminate(success: true) : click(favorite)
            }
            // The grid shows the newest first, as a gallery does.
            guard let first = els.first(where: { $0.className.hasSuffix("ImageView") && $0.isClickable }) else { return .terminate(success: false) }
            return click(first)

        case .createAlbum(let name):
            if let field = els.first(where: { $0.isEditable && ($0.description ?? "").hasPrefix("Album name") }) {
                if field.text.isEmpty, els.contains(where: { !$0.isEditable && !$0.className.hasSuffix("Button") && Self.matches($0.text, name) }) {
                    return .terminate(success: true)
                }
                return fill(field, with: name, submit: "Create album")
            }
            // Albums are behind a button on the grid (or Back from a photo).
            if let albums = find("Albums", "Button") { return click(albums) }
            return .systemButton(.back)

        case .albumNewest(let name):
            // Two parts, each judged from the screen: the album exists (Albums), then it holds the newest photo
            // (its row says "1 item").
            if let field = els.first(where: { $0.isEditable && ($0.description ?? "").hasPrefix("Album name") }) {
                if let row = els.first(where: { !$0.isEditable && !$0.className.hasSuffix("Button") && Self.matches($0.text, name) }), field.text.isEmpty {
                    return row.description == "1 item" ? .terminate(success: true) : .systemButton(.back)
                }
                return fill(field, with: name, submit: "Create album")
            }
            if o.title == "Add to album" {
                guard let row = els.first(where: { $0.isClickable && Self.matches($0.text, name) }) else { return .terminate(success: false) }
                return click(row)
            }
            // The progress so far, from the earlier actions: typed the name, then clicks on Create album, the
            // newest photo, Add to album and the album's row (4 clicks) before going to look at the album.
            guard let typed = history.lastIndex(where: { if case .type(let t) = $0 { t == name } else { false } }) else {
                if let albums = find("Albums", "Button") { return click(albums) }
                return .systemButton(.back)
            }
            let clicks = history[typed...].filter { if case .click = $0 { true } else { false } }.count
            if let add = find("Add to album", "Button") { return clicks >= 4 ? .systemButton(.back) : click(add) }
            if clicks >= 4, let albums = find("Albums", "Button") { return click(albums) }
            guard let first = els.first(where: { $0.className.hasSuffix("ImageView") && $0.isClickable }) else { return .terminate(success: false) }
            return click(first)

        case .takePhoto:
            guard let button = find("Take photo", "Button") else { return notFound() }
            // Done once the button was tapped in the camera and the screen shows the photo taken.
            let sinceOpen = history.reversed().prefix { if case .open = $0 { false } else { true } }
            if sinceOpen.contains(where: { if case .click = $0 { true } else { false } }),
               els.contains(where: { ($0.description ?? $0.text) == "Last photo" }) {
                return .terminate(success: true)
            }
            return click(button)

        case .unknown:
            return .terminate(success: false)
        }

        /// Types `text` into `field` and presses `submit`: tap the field, type, Enter (the keyboard may cover the
        /// button), then the button.
        func fill(_ field: ScreenElement, with text: String, submit: String) -> MobileAction {
            if field.text.isEmpty {
                return field.isFocused ? .type(text) : click(field)
            }
            if field.text != text { return field.isFocused ? .key("clear") : click(field) }
            if field.isFocused { return .systemButton(.enter) }
            guard let button = find(submit, "Button") else { return .terminate(success: false) }
            return click(button)
        }
    }

    /// A swipe up through the middle of the screen's scroll view (from 80 % to 20 % of its height, so the rows cut
    /// off at the bottom come into full view), or nil when there is nothing more to see: the screen does not scroll,
    /// the last ``maxSwipes`` actions were swipes, or the last action was a swipe and no row is cut off at the
    /// bottom of the list (its end is in view).
    static func swipeFurther(_ o: GUIObservation, history: [MobileAction]) -> MobileAction? {
        guard let list = o.elements.first(where: { $0.isScrollable }) else { return nil }
        let swipes = history.reversed().prefix { if case .swipe = $0 { true } else { false } }.count
        guard swipes < maxSwipes else { return nil }
        let cutOff = o.elements.contains { !$0.isScrollable && $0.bounds.maxY >= list.bounds.maxY && $0.bounds.y < list.bounds.maxY }
        guard swipes == 0 || cutOff else { return nil }
        let x = list.bounds.x + list.bounds.width / 2
        let from = o.point(x: x, y: list.bounds.y + list.bounds.height * 4 / 5), to = o.point(x: x, y: list.bounds.y + list.bounds.height / 5)
        return .swipe(fromX: from.x, fromY: from.y, toX: to.x, toY: to.y)
    }

    /// Whether the screen is one of `app`'s (judged from its title and landmarks, as a person would).
    static func isShowing(_ app: String, _ o: GUIObservation) -> Bool {
        let has = { (text: String) in o.elements.contains { $0.text == text || $0.description == text } }
        switch app {
        case "Settings": return o.title == "Settings"
        case "Clock": return o.title == "Alarms" || o.title == "Add alarm"
        case "Messages": return o.title == "Messages" || o.elements.contains { $0.isEditable && ($0.description ?? "").hasPrefix("Message") }
        case "Photos": return ["Photos", "Albums", "Add to album"].contains(o.title) || has("Favorite")
        case "Camera": return o.title == "Camera"
        default: return matches(o.title, app)
        }
    }

    /// A contact's row or title names the person the task said ("Anna" names "Anna Smith").
    static func names(_ shown: String, _ said: String) -> Bool {
        if matches(shown, said) { return true }
        let first = shown.split(separator: " ").first.map(String.init) ?? shown
        return matches(first, said)
    }

    /// The alarm list's row for `time` (rows read "6:45 AM").
    private func alarmRow(_ time: TimeOfDay, _ elements: [ScreenElement]) -> ScreenElement? {
        elements.first { $0.className.hasSuffix("Switch") && Self.parseTime($0.text) == time }
    }
}
