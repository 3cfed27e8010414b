import ArgumentParser
import Foundation
import RelayCore
import RelayKit
import RelayMedia
import RelayPlugins

/// `relay-bench screen`: how long a phone screen takes to lay out, draw and encode, and a whole mobile_use step.
struct ScreenBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Phone screens: layout, rendering (FreeType text), PNG/JPEG encoding and a whole step, p50/p95.",
        discussion: """
            On a fresh home with the installed plugins, draws the home, Settings and Clock screens --frames times each at \
            every --size and prints p50 and p95 in milliseconds of: layout (state read + layout pass), render (the \
            canvas), PNG and JPEG encoding (RelayMedia's FFmpeg encoder), and a step (a click on Settings' Wi-Fi switch \
            through the dispatcher, then layout, render and PNG). Targets (issue 18): render < 20 ms, step < 60 ms at \
            1080x2400. Build in release first: swift build -c release --product relay-bench.
            """
    )

    @Option(help: "Draws per screen and size.")
    var frames: Int = 30

    @Flag(help: "Also print each PNG's size at zlib level 1 (the default for screens) and at zlib's default level.")
    var pngSizes = false

    @Option(help: "Screen sizes, comma-separated.")
    var sizes: String = "1080x2400,720x1280"

    @Flag(help: "Instead: time and size of PNG at each --png-levels level and --png-filters row filter, on home, Settings, Clock, the Photos grid, a photo and the Camera.")
    var pngOptions = false

    @Option(help: "zlib levels for --png-options, comma-separated.")
    var pngLevels: String = "1,2,3,6"

    @Option(help: "Row filters for --png-options, comma-separated (none, sub, up, avg, paeth, mixed).")
    var pngFilters: String = "none,sub,up,avg,paeth,mixed"

    func run() async throws {
        if pngOptions {
            let filters = pngFilters.split(separator: ",").compactMap { name in ImageCodec.PNGPrediction.allCases.first { $0.description == name } }
            try await Self.pngOptions(sizes: sizes.split(separator: ",").compactMap { FrameSize(parsing: String($0)) }, frames: frames,
                                      levels: pngLevels.split(separator: ",").compactMap { Int($0) }, predictions: filters)
            return
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("relay-bench-screen-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home)
        let renderer = try await BlockingWork.run { try ScreenRenderer() }
        for size in sizes.split(separator: ",").compactMap({ FrameSize(parsing: String($0)) }) {
            for app in [nil, "settings", "clock"] as [String?] {
                let screen = try PhoneScreen(dispatcher: dispatcher, state: ScreenState(width: size.width, height: size.height))
                if let app { _ = await screen.perform(.open(app)) }
                var layout: [Double] = [], render: [Double] = [], png: [Double] = [], jpeg: [Double] = []
                for _ in 0..<frames {
                    let clock = ContinuousClock()
                    let t0 = clock.now
                    let laid = try await screen.layout()
                    layout.append(Bench.seconds(clock.now - t0) * 1000)
                    let times = try await BlockingWork.run { () throws -> (Double, Double, Double) in
                        let t1 = clock.now
                        let canvas = try renderer.render(laid)
                        let t2 = clock.now
                        _ = try canvas.encodePNG()
                        let t3 = clock.now
                        if pngSizes { print("PNG bytes: level 1 \(try canvas.encodePNG().count), default \(try canvas.encodePNG(compressionLevel: nil).count)") }
                        _ = try canvas.encodeJPEG(quality: 90)
                        return (Bench.seconds(t2 - t1) * 1000, Bench.seconds(t3 - t2) * 1000, Bench.seconds(clock.now - t3) * 1000)
                    }
                    render.append(times.0)
                    png.append(times.1)
                    jpeg.append(times.2)
                }
                print("\(size) \(app ?? "home"): layout \(Self.summary(layout)), render \(Self.summary(render)), PNG \(Self.summary(png)), JPEG \(Self.summary(jpeg))")
            }
            // A whole step: the click goes through the dispatcher (a transaction, the audit log), then the new screenshot.
            let screen = try PhoneScreen(dispatcher: dispatcher, state: ScreenState(width: size.width, height: size.height))
            _ = await screen.perform(.open("settings"))
            let wifi: (x: Int, y: Int) = try await screen.layout().elements.first { $0.text == "Wi-Fi" }?.center ?? (0, 0)
            let (x, y) = (wifi.x * screen.resizedSize.width / size.width, wifi.y * screen.resizedSize.height / size.height)
            var steps: [Double] = [], acts: [Double] = []
            for _ in 0..<frames {
                let clock = ContinuousClock()
                let t0 = clock.now
                _ = await screen.perform(.click(x: x, y: y))
                acts.append(Bench.seconds(clock.now - t0) * 1000)
                let laid = try await screen.layout()
                _ = try await BlockingWork.run { try renderer.render(laid).encodePNG() }
                steps.append(Bench.seconds(clock.now - t0) * 1000)
            }
            print("\(size) step (click Wi-Fi through the dispatcher + layout + render + PNG): \(Self.summary(steps)); the click alone \(Self.summary(acts))")
        }
    }

    static func quantile(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
    }

    static func summary(_ values: [Double]) -> String {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return "-" }
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))] }
        return String(format: "p50 %.1f / p95 %.1f ms", at(0.5), at(0.95))
    }
}
