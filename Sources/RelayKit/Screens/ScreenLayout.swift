public import RelayJSON
public import RelayMedia

/// One element of a laid-out screen, in AndroidWorld's spirit: what it says, where it is, what it does.
public struct ScreenElement: Sendable, Hashable {
    /// Position in the element list (0-based, top to bottom).
    public var index: Int
    /// Android's widget class: `android.widget.TextView`, `Button`, `Switch`, `EditText`, `ImageView`, `ImageButton`, `ScrollView`.
    public var className: String
    /// The text shown (a field's content; empty for an empty field or an image).
    public var text: String
    /// The content description or hint: a row's second line, a field's placeholder, an icon's meaning.
    public var description: String?
    /// Visible bounds in screen pixels.
    public var bounds: PixelRect
    /// Whether a click does something.
    public var isClickable: Bool
    /// Whether it is a switch.
    public var isCheckable: Bool
    /// Whether a switch is on.
    public var isChecked: Bool
    /// Whether it takes typed text.
    public var isEditable: Bool
    /// Whether it has the keyboard's focus.
    public var isFocused: Bool
    /// Whether it scrolls (the content area, when it is taller than the screen).
    public var isScrollable: Bool
    /// The centre of ``bounds``, where a click on it lands.
    public var center: (x: Int, y: Int) { bounds.center }
    /// What a click does (internal: hit-testing reads it; the JSON does not show it).
    var target: ScreenTarget?
    /// Its bounds before clipping to the viewport (where it would be if scrolled into view).
    var fullBounds: PixelRect?

    /// The element as JSON, with its centre in the model's (smart-resized) pixels when a mapping is given.
    public func json(resized: (width: Int, height: Int)? = nil, screen: (width: Int, height: Int)? = nil) -> JSONValue {
        var o: JSONObject = ["index": .int(index), "class": .string(className), "text": .string(text)]
        if let description { o["description"] = .string(description) }
        o["bounds"] = .array(bounds.corners.map { .int($0) })
        if let resized, let screen {
            let c = bounds.center
            o["tap"] = .array([.int(c.x * resized.width / screen.width), .int(c.y * resized.height / screen.height)])
        }
        o["clickable"] = .bool(isClickable)
        if isCheckable { o["checked"] = .bool(isChecked) }
        if isEditable { o["editable"] = .bool(true); o["focused"] = .bool(isFocused) }
        if isScrollable { o["scrollable"] = .bool(true) }
        return .object(o)
    }

    /// One line: `3 Switch "Wi-Fi" [0,240][1080,456] checked clickable`.
    public var line: String {
        var parts = ["\(index)", className.split(separator: ".").last.map(String.init) ?? className, "\"\(text)\""]
        if let description { parts.append("(\(description))") }
        parts.append(bounds.description)
        if isCheckable { parts.append(isChecked ? "checked" : "unchecked") }
        if isEditable { parts.append(isFocused ? "editable focused" : "editable") }
        if isScrollable { parts.append("scrollable") }
        if isClickable { parts.append("clickable") }
        return parts.joined(separator: " ")
    }
}

/// What a click on an element does.
enum ScreenTarget: Sendable, Hashable {
    /// The node's tap.
    case tap(ScreenTap)
    /// Gives a text field the focus.
    case focus(String)
    /// Opens an app from the home screen.
    case openApp(String)
    /// Answers the confirmation dialog: OK (true) or Cancel.
    case confirm(Bool)
}

/// What the renderer paints, in order; all positions in screen pixels.
enum ScreenPaint: Sendable, Hashable {
    case rect(PixelRect, ScreenColor, radius: Int)
    /// One line of text with its baseline at `y`, truncated to `maxWidth` with "…".
    case text(String, x: Int, y: Int, size: Int, bold: Bool, ScreenColor, maxWidth: Int)
    /// Text centred in a rectangle.
    case centered(String, PixelRect, size: Int, bold: Bool, ScreenColor)
    case image(path: String?, PixelRect)
    /// Darkens what is under a dialog.
    case scrim(PixelRect)
}

/// The palette's colours by role; the renderer picks the values (light or dark).
enum ScreenColor: Sendable, Hashable {
    case background, surface, text, secondary, accent, accentContainer, onAccent, divider, outline, track
    /// An app icon's colour: the n-th of a fixed palette, by the app's place on the home screen.
    case icon(Int)
}

/// A screen laid out at a size: its element list (for the model and hit-testing) and what to paint.
public struct ScreenLayout: Sendable {
    /// Screen width in pixels.
    public let width: Int
    /// Screen height in pixels.
    public let height: Int
    /// The title in the app bar ("" on the home screen).
    public let title: String
    /// Every visible element, top to bottom.
    public private(set) var elements: [ScreenElement] = []
    /// The area content scrolls in.
    public let viewport: PixelRect
    /// The content's full height, scrolled or not.
    public private(set) var contentHeight = 0
    /// Pixels per density-independent pixel (width / 360).
    public let density: Double

    var chrome: [ScreenPaint] = []
    var content: [ScreenPaint] = []
    var overlay: [ScreenPaint] = []

    /// What the layout needs besides the tree.
    public struct Context: Sendable {
        /// Text typed into each field, by field id.
        public var fields: [String: String]
        /// The focused field's id.
        public var focused: String?
        /// How far the content is scrolled, in pixels.
        public var scroll: Int
        /// The time the status bar shows ("10:00").
        public var clock: String
        /// Whether the app bar has a back arrow.
        public var showsBack: Bool
        /// A question waiting for OK or Cancel (a command that needs confirmation); the dialog takes every tap.
        public var dialog: String?

        /// Creates a context.
        public init(fields: [String: String] = [:], focused: String? = nil, scroll: Int = 0, clock: String = "10:00", showsBack: Bool = true) {
            self.fields = fields
            self.focused = focused
            self.scroll = scroll
            self.clock = clock
            self.showsBack = showsBack
            dialog = nil
        }
    }

    /// Density-independent pixels → pixels.
    func dp(_ value: Double) -> Int { Int((value * density).rounded()) }

    private init(width: Int, height: Int, title: String, keyboard: Bool, appBar: Bool) {
        self.width = width
        self.height = height
        self.title = title
        density = Double(width) / 360
        let top = Int((Double(appBar ? 80 : 24) * density).rounded())
        let bottom = Int((Double(48 + (keyboard ? 232 : 0)) * density).rounded())
        viewport = PixelRect(x: 0, y: top, width: width, height: height - top - bottom)
    }

    /// Lays out an app screen: status bar, app bar with `title`, the tree, the navigation bar (and the keyboard when a
    /// field has the focus).
    public init(nodes: [ScreenNode], title: String, width: Int, height: Int, context: Context) {
        self.init(width: width, height: height, title: title, keyboard: context.focused != nil, appBar: true)
        var y = viewport.y - context.scroll + dp(8)
        for node in nodes { y = place(node, at: y, context: context) }
        contentHeight = y + context.scroll + dp(16) - viewport.y
        finish(context: context, appBar: true)
    }

    /// Lays out the home screen: the time, the date, and a grid of app icons (name and display name of each app).
    public init(homeWith apps: [(name: String, displayName: String)], date: String, width: Int, height: Int, context: Context) {
        self.init(width: width, height: height, title: "", keyboard: false, appBar: false)
        content.append(.centered(context.clock, PixelRect(x: 0, y: viewport.y + dp(40), width: width, height: dp(72)), size: dp(64), bold: false, .text))
        content.append(.centered(date, PixelRect(x: 0, y: viewport.y + dp(116), width: width, height: dp(24)), size: dp(16), bold: false, .secondary))
        let columns = 4
        let cell = (width - dp(16) * 2) / columns
        for (i, app) in apps.enumerated() {
            let x = dp(16) + (i % columns) * cell
            let y = viewport.y + dp(180) + (i / columns) * dp(104)
            let icon = PixelRect(x: x + (cell - dp(56)) / 2, y: y, width: dp(56), height: dp(56))
            content.append(.rect(icon, .icon(i), radius: dp(16)))
            content.append(.centered(String(app.displayName.prefix(1)).uppercased(), icon, size: dp(26), bold: true, .onAccent))
            let label = PixelRect(x: x, y: y + dp(60), width: cell, height: dp(24))
            content.append(.centered(app.displayName, label, size: dp(13), bold: false, .text))
            add("android.widget.TextView", app.displayName, description: nil,
                bounds: PixelRect(x: x, y: y, width: cell, height: dp(88)), target: .openApp(app.name))
        }
        contentHeight = viewport.height
        finish(context: context, appBar: false)
    }

    private mutating func add(_ className: String, _ text: String, description: String?, bounds: PixelRect, target: ScreenTarget?,
                              checkable: Bool = false, checked: Bool = false, editable: Bool = false, focused: Bool = false) {
        let visible = bounds.intersection(viewport)
        guard !visible.isEmpty else { return }
        elements.append(ScreenElement(index: elements.count, className: className, text: text, description: description,
                                      bounds: visible, isClickable: target != nil, isCheckable: checkable, isChecked: checked,
                                      isEditable: editable, isFocused: focused, isScrollable: false, target: target, fullBounds: bounds))
    }

    /// Places `node` with its top at `y`; returns the y below it.
    private mutating func place(_ node: ScreenNode, at y: Int, context: Context) -> Int {
        let margin = dp(16), inner = width - 2 * margin
        switch node {
        case .text(let text, let style):
            let (h, size, bold, color): (Double, Double, Bool, ScreenColor) = switch style {
            case .body: (40, 16, false, .text)
            case .caption: (40, 14, false, .secondary)
            case .headline: (80, 44, true, .text)
            }
            content.append(.text(text, x: margin, y: y + dp(h * 0.68), size: dp(size), bold: bold, color, maxWidth: inner))
            add("android.widget.TextView", text, description: nil, bounds: PixelRect(x: margin, y: y, width: inner, height: dp(h)), target: nil)
            return y + dp(h)
        case .section(let text):
            content.append(.text(text, x: margin, y: y + dp(34), size: dp(14), bold: true, .accent, maxWidth: inner))
            add("android.widget.TextView", text, description: nil, bounds: PixelRect(x: margin, y: y + dp(12), width: inner, height: dp(28)), target: nil)
            return y + dp(48)
        case .button(let label, let tap):
            let box = PixelRect(x: margin, y: y + dp(8), width: inner, height: dp(48))
            content.append(.rect(box, .accent, radius: dp(24)))
            content.append(.centered(label, box, size: dp(16), bold: true, .onAccent))
            add("android.widget.Button", label, description: nil, bounds: box, target: .tap(tap))
            return y + dp(64)
        case .toggle(let title, let detail, let isOn, let tap):
            let h = dp(detail == nil ? 56 : 72)
            let row = PixelRect(x: 0, y: y, width: width, height: h)
            paintTitle(title, detail: detail, in: row, reserve: dp(68))
            let track = PixelRect(x: width - margin - dp(52), y: y + (h - dp(32)) / 2, width: dp(52), height: dp(32))
            content.append(.rect(track, isOn ? .accent : .track, radius: dp(16)))
            let thumb = dp(isOn ? 24 : 16)
            let cx = isOn ? track.maxX - dp(16) : track.x + dp(16)
            content.append(.rect(PixelRect(x: cx - thumb / 2, y: track.y + (track.height - thumb) / 2, width: thumb, height: thumb),
                                 isOn ? .onAccent : .outline, radius: thumb / 2))
            add("android.widget.Switch", title, description: detail, bounds: row, target: .tap(tap), checkable: true, checked: isOn)
            return y + h
        case .row(let title, let detail, let tap):
            let h = dp(detail == nil ? 56 : 72)
            let row = PixelRect(x: 0, y: y, width: width, height: h)
            paintTitle(title, detail: detail, in: row, reserve: tap == nil ? 0 : dp(24))
            if tap != nil {
                content.append(.text("›", x: width - margin - dp(12), y: y + h / 2 + dp(8), size: dp(24), bold: false, .secondary, maxWidth: dp(24)))
            }
            add("android.widget.TextView", title, description: detail, bounds: row, target: tap.map { .tap($0) })
            return y + h
        case .stepper(let title, let value, let decrease, let increase):
            let h = dp(72)
            let row = PixelRect(x: 0, y: y, width: width, height: h)
            paintTitle(title, detail: value, in: row, reserve: dp(112))
            add("android.widget.TextView", title, description: value, bounds: PixelRect(x: margin, y: y, width: inner - dp(112), height: h), target: nil)
            let plus = PixelRect(x: width - margin - dp(44), y: y + (h - dp(44)) / 2, width: dp(44), height: dp(44))
            let minus = PixelRect(x: plus.x - dp(56), y: plus.y, width: dp(44), height: dp(44))
            for (box, glyph, word, tap) in [(minus, "−", "Decrease", decrease), (plus, "+", "Increase", increase)] {
                content.append(.rect(box, .accentContainer, radius: dp(22)))
                content.append(.centered(glyph, box, size: dp(24), bold: true, .accent))
                add("android.widget.Button", glyph, description: "\(word) \(title.lowercased())", bounds: box, target: .tap(tap))
            }
            return y + h
        case .textField(let id, let label, let placeholder):
            let value = context.fields[id] ?? ""
            let focused = context.focused == id
            content.append(.text(label, x: margin, y: y + dp(20), size: dp(12), bold: focused, focused ? .accent : .secondary, maxWidth: inner))
            let box = PixelRect(x: margin, y: y + dp(28), width: inner, height: dp(52))
            content.append(.rect(box, .surface, radius: dp(4)))
            content.append(.rect(PixelRect(x: box.x, y: box.maxY - dp(focused ? 2 : 1), width: box.width, height: dp(focused ? 2 : 1)),
                                 focused ? .accent : .outline, radius: 0))
            let shown = value.isEmpty ? placeholder : value
            content.append(.text(shown, x: box.x + dp(12), y: box.y + dp(33), size: dp(16), bold: false,
                                 value.isEmpty ? .secondary : .text, maxWidth: box.width - dp(24)))
            add("android.widget.EditText", value, description: placeholder.isEmpty ? label : "\(label): \(placeholder)", bounds: box,
                target: .focus(id), editable: true, focused: focused)
            return y + dp(88)
        case .list(let items):
            var next = y
            for (i, item) in items.enumerated() {
                if i > 0 { content.append(.rect(PixelRect(x: margin, y: next, width: inner, height: max(1, dp(0.5))), .divider, radius: 0)) }
                next = place(item, at: next, context: context)
            }
            return next
        case .grid(let items, let columns):
            let columns = max(1, columns), gap = dp(4)
            let tile = (inner - gap * (columns - 1)) / columns
            for (i, item) in items.enumerated() {
                let box = PixelRect(x: margin + (i % columns) * (tile + gap), y: y + (i / columns) * (tile + gap), width: tile, height: tile)
                placeTile(item, in: box)
            }
            let rows = (items.count + columns - 1) / columns
            return y + rows * (tile + gap) + dp(8)
        case .image(let path, let label, let tap):
            let box = PixelRect(x: margin, y: y + dp(8), width: inner, height: inner * 3 / 4)
            placeTile(.image(path: path, label: label, tap: tap), in: box)
            return box.maxY + dp(8)
        }
    }

    private mutating func placeTile(_ node: ScreenNode, in box: PixelRect) {
        switch node {
        case .image(let path, let label, let tap):
            content.append(.image(path: path, box))
            add("android.widget.ImageView", "", description: label, bounds: box, target: tap.map { .tap($0) })
        default:
            _ = place(node, at: box.y, context: Context())
        }
    }

    private mutating func paintTitle(_ title: String, detail: String?, in row: PixelRect, reserve: Int) {
        let margin = dp(16), maxWidth = width - 2 * margin - reserve
        if let detail {
            content.append(.text(title, x: margin, y: row.y + dp(31), size: dp(16), bold: false, .text, maxWidth: maxWidth))
            content.append(.text(detail, x: margin, y: row.y + dp(54), size: dp(14), bold: false, .secondary, maxWidth: maxWidth))
        } else {
            content.append(.text(title, x: margin, y: row.y + row.height / 2 + dp(6), size: dp(16), bold: false, .text, maxWidth: maxWidth))
        }
    }

    /// Status bar, app bar, navigation bar, keyboard, and the scroll view element when the content is taller than the viewport.
    private mutating func finish(context: Context, appBar: Bool) {
        chrome.append(.rect(PixelRect(x: 0, y: 0, width: width, height: dp(24)), .background, radius: 0))
        chrome.append(.text(context.clock, x: dp(16), y: dp(17), size: dp(13), bold: true, .text, maxWidth: dp(80)))
        let battery = PixelRect(x: width - dp(36), y: dp(7), width: dp(20), height: dp(10))
        chrome.append(.rect(battery, .text, radius: dp(2)))
        chrome.append(.rect(PixelRect(x: battery.maxX, y: dp(10), width: dp(2), height: dp(4)), .text, radius: 0))
        chrome.append(.text("100%", x: width - dp(76), y: dp(17), size: dp(12), bold: false, .text, maxWidth: dp(40)))
        var appBarElements: [ScreenElement] = []
        if appBar {
            chrome.append(.rect(PixelRect(x: 0, y: dp(24), width: width, height: dp(56)), .background, radius: 0))
            let titleX = context.showsBack ? dp(72) : dp(16)
            chrome.append(.text(title, x: titleX, y: dp(24 + 36), size: dp(22), bold: false, .text, maxWidth: width - titleX - dp(16)))
            if context.showsBack {
                let back = PixelRect(x: dp(4), y: dp(28), width: dp(48), height: dp(48))
                chrome.append(.centered("←", back, size: dp(24), bold: true, .text))
                appBarElements.append(ScreenElement(index: 0, className: "android.widget.ImageButton", text: "", description: "Navigate up",
                                                    bounds: back, isClickable: true, isCheckable: false, isChecked: false, isEditable: false,
                                                    isFocused: false, isScrollable: false, target: .tap(.back)))
            }
            appBarElements.append(ScreenElement(index: 0, className: "android.widget.TextView", text: title, description: nil,
                                                bounds: PixelRect(x: titleX, y: dp(24), width: width - titleX - dp(16), height: dp(56)),
                                                isClickable: false, isCheckable: false, isChecked: false, isEditable: false, isFocused: false,
                                                isScrollable: false, target: nil))
        }
        let navTop = height - dp(48)
        if context.focused != nil {
            paintKeyboard(top: viewport.maxY, bottom: navTop)
        }
        chrome.append(.rect(PixelRect(x: 0, y: navTop, width: width, height: dp(48)), .background, radius: 0))
        let third = width / 3
        for (i, glyph) in ["◀", "●", "■"].enumerated() {
            chrome.append(.centered(glyph, PixelRect(x: i * third, y: navTop, width: third, height: dp(48)), size: dp(18), bold: false, .secondary))
        }
        var all = appBarElements
        if contentHeight > viewport.height {
            all.append(ScreenElement(index: 0, className: "android.widget.ScrollView", text: "", description: nil, bounds: viewport,
                                     isClickable: false, isCheckable: false, isChecked: false, isEditable: false, isFocused: false,
                                     isScrollable: true, target: nil))
        }
        all += elements
        if let question = context.dialog { all = dialog(question) }
        for i in all.indices { all[i].index = i }
        elements = all
    }

    /// A modal dialog: the question, Cancel and OK, over a darkened screen; only its elements can be tapped.
    private mutating func dialog(_ question: String) -> [ScreenElement] {
        overlay.append(.scrim(PixelRect(x: 0, y: 0, width: width, height: height)))
        let inner = width - dp(48) * 2 - dp(24) * 2
        // Wrapped by an estimate of DejaVu Sans' average advance (0.55 em), so the layout needs no font.
        let size = dp(16), perLine = max(8, Int(Double(inner) / (Double(size) * 0.55)))
        var lines: [String] = [], line = ""
        for word in question.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > perLine { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        let textHeight = lines.count * dp(24)
        let box = PixelRect(x: dp(48), y: (height - textHeight - dp(120)) / 2, width: width - dp(96), height: textHeight + dp(120))
        overlay.append(.rect(box, .surface, radius: dp(24)))
        for (i, text) in lines.enumerated() {
            overlay.append(.text(text, x: box.x + dp(24), y: box.y + dp(40) + i * dp(24), size: size, bold: false, .text, maxWidth: inner))
        }
        let ok = PixelRect(x: box.maxX - dp(24) - dp(72), y: box.maxY - dp(64), width: dp(72), height: dp(48))
        let cancel = PixelRect(x: ok.x - dp(8) - dp(96), y: ok.y, width: dp(96), height: dp(48))
        overlay.append(.centered("Cancel", cancel, size: dp(15), bold: true, .accent))
        overlay.append(.centered("OK", ok, size: dp(15), bold: true, .accent))
        func element(_ className: String, _ text: String, _ bounds: PixelRect, _ target: ScreenTarget?) -> ScreenElement {
            ScreenElement(index: 0, className: className, text: text, description: nil, bounds: bounds, isClickable: target != nil,
                          isCheckable: false, isChecked: false, isEditable: false, isFocused: false, isScrollable: false, target: target)
        }
        return [
            element("android.widget.TextView", question, PixelRect(x: box.x + dp(24), y: box.y + dp(16), width: inner, height: textHeight + dp(16)), nil),
            element("android.widget.Button", "Cancel", cancel, .confirm(false)),
            element("android.widget.Button", "OK", ok, .confirm(true)),
        ]
    }

    private mutating func paintKeyboard(top: Int, bottom: Int) {
        overlay.append(.rect(PixelRect(x: 0, y: top, width: width, height: bottom - top), .surface, radius: 0))
        let rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
        let keyWidth = (width - dp(8)) / 10, keyHeight = dp(46)
        for (r, keys) in rows.enumerated() {
            let offset = (width - keys.count * keyWidth) / 2
            for (k, key) in keys.enumerated() {
                let box = PixelRect(x: offset + k * keyWidth + dp(3), y: top + dp(10) + r * dp(54), width: keyWidth - dp(6), height: keyHeight)
                overlay.append(.rect(box, .background, radius: dp(6)))
                overlay.append(.centered(String(key), box, size: dp(20), bold: false, .text))
            }
        }
        let space = PixelRect(x: width / 4, y: top + dp(10) + 3 * dp(54), width: width / 2, height: keyHeight)
        overlay.append(.rect(space, .background, radius: dp(6)))
        overlay.append(.centered("space", space, size: dp(14), bold: false, .secondary))
    }

    /// The topmost clickable element at (`x`, `y`) in screen pixels, if any.
    public func element(atX x: Int, y: Int) -> ScreenElement? {
        elements.last { $0.isClickable && $0.bounds.contains(x: x, y: y) }
    }

    /// The element list as JSON, each with its centre in the model's pixels (`tap`) for a screen the model sees at
    /// `resized` (Qwen2.5-VL's smart_resize of this screen).
    public func elementsJSON(resized: (width: Int, height: Int)? = nil) -> JSONValue {
        .array(elements.map { $0.json(resized: resized, screen: (width, height)) })
    }
}
