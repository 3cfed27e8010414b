public import RelayKit
import RelayModel

extension TestPhone {
    /// The phone's screen at `width`×`height` over this phone's dispatcher: the home screen, or `app` opened (by name,
    /// as the `open` action reads it).
    public func screen(width: Int = 1080, height: Int = 2400, app: String? = nil) async throws -> PhoneScreen {
        let screen = try PhoneScreen(dispatcher: dispatcher, state: ScreenState(width: width, height: height))
        if let app {
            let opened = await screen.perform(.open(app))
            guard opened.status == "done" else { throw PluginTestFailure("open \(app): \(opened.message)") }
        }
        return screen
    }
}

extension PhoneScreen {
    /// Clicks the first element whose text or description is `label`, at its centre in the model's (smart-resized)
    /// pixels, as Qwen2.5-VL would; throws when the screen shows no such element.
    @discardableResult
    public func click(_ label: String) async throws -> ScreenActResult {
        let layout = try await layout()
        guard let element = layout.elements.first(where: { $0.text == label || $0.description == label }) else {
            throw PluginTestFailure("no element \"\(label)\" on \(route.screen): \(layout.elements.map(\.line))")
        }
        let center = element.center
        let p = mapping.toResized(x: Double(center.x) + 0.5, y: Double(center.y) + 0.5)
        return await perform(.click(x: Int(p.x), y: Int(p.y)))
    }
}
