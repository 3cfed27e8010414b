import Foundation
import RelayCore
import RelayKit
import RelayMedia
import RelayPlugins

extension ScreenBench {
    /// `--png-options`: every zlib level and PNG row filter asked for on real screenshots (home, Settings, Clock, the
    /// Photos grid and a photo, the Camera), each encoded `frames` times: p50/p95 wall time, the median CPU time of
    /// the encoding thread (what the option costs whatever else the cores are doing) and bytes, per screen and summed.
    static func pngOptions(sizes: [FrameSize], frames: Int, levels: [Int], predictions: [ImageCodec.PNGPrediction]) async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("relay-bench-png-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home)
        for _ in 0..<7 {
            _ = await dispatcher.dispatch(Command(action: "camera.take_photo", arguments: [:], origin: .test, confirmed: true))
        }
        let renderer = try await BlockingWork.run { try ScreenRenderer() }
        for size in sizes {
            var canvases: [(String, Canvas)] = []
            for app in [nil, "settings", "clock", "photos", "camera"] as [String?] {
                let screen = try PhoneScreen(dispatcher: dispatcher, state: ScreenState(width: size.width, height: size.height), renderer: renderer)
                if let app { _ = await screen.perform(.open(app)) }
                canvases.append((app ?? "home", try await screen.screenshot().canvas))
                if app == "photos", let tile = try await screen.layout().elements.first(where: { $0.className.hasSuffix("ImageView") }) {
                    let p = tile.center
                    _ = await screen.perform(.click(x: p.x * screen.resizedSize.width / size.width, y: p.y * screen.resizedSize.height / size.height))
                    canvases.append(("photos.photo", try await screen.screenshot().canvas))
                }
            }
            print("\(size): PNG per option, p50 / p95 ms and KB per screen (\(canvases.map(\.0).joined(separator: ", ")))")
            for level in levels {
                for prediction in predictions {
                    var all: [Double] = [], allCPU: [Double] = [], line: [String] = []
                    for (_, canvas) in canvases {
                        let (times, cpu, bytes) = try await BlockingWork.run { () throws -> ([Double], [Double], Int) in
                            var times: [Double] = [], cpu: [Double] = [], bytes = 0
                            let clock = ContinuousClock()
                            for _ in 0..<frames {
                                let t0 = clock.now, c0 = threadCPUms()
                                bytes = try canvas.encodePNG(compressionLevel: level, prediction: prediction).count
                                cpu.append(threadCPUms() - c0)
                                times.append(Bench.seconds(clock.now - t0) * 1000)
                            }
                            return (times, cpu, bytes)
                        }
                        all += times
                        allCPU += cpu
                        line.append(String(format: "%.1f/%.1f cpu %.1f %dK", quantile(times, 0.5), quantile(times, 0.95), quantile(cpu, 0.5), bytes / 1024))
                    }
                    print(String(format: "  level %d pred %-5@ all: %@, CPU p50 %.1f ms | ", level, prediction.description, summary(all),
                                 quantile(allCPU, 0.5)) + line.joined(separator: ", "))
                }
            }
        }
    }
}

/// CPU time of the calling thread, in milliseconds (unaffected by other processes on the cores).
func threadCPUms() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}
