import Foundation
import Testing

@testable import RelayMedia

/// ALSA devices for the tests, defined in one config file in a unique temp folder.
///
/// There is no sound card here, so the tests use ALSA's `file` plugin: a capture device that
/// reads a raw file (`infile`) and a playback device that writes one (`file`), both over the
/// `null` plugin. ALSA reads `ALSA_CONFIG_PATH` whenever it (re)loads its global configuration,
/// which every `snd_pcm_open` checks, so setting it once, before the first ALSA test opens a
/// device, is enough. All tests share one process, so every device is defined in this one file
/// and the ALSA suites are `.serialized`.
enum ALSATestDevices {
    /// Mono capture reading `captureFile`.
    static let capture = "relaytest"
    /// Capture reading `stereoCaptureFile` (opened with 2 channels).
    static let stereoCapture = "relaytest_stereo"
    /// Capture reading the short `endlessFile`; without `maxFrames` it never ends (the plugin's behaviour).
    static let endless = "relaytest_endless"
    /// Playback writing `playbackFile`.
    static let playback = "relayout"

    /// The temp folder holding the config and the raw files.
    static var folder: URL { environment.folder }
    /// What `capture` reads.
    static var captureFile: URL { folder.appendingPathComponent("in.raw") }
    /// What `stereoCapture` reads.
    static var stereoCaptureFile: URL { folder.appendingPathComponent("in-stereo.raw") }
    /// What `endless` reads.
    static var endlessFile: URL { folder.appendingPathComponent("endless.raw") }
    /// What `playback` writes.
    static var playbackFile: URL { folder.appendingPathComponent("out.raw") }

    /// Writes the config and points ALSA at it; call at the start of every ALSA test.
    static func prepare() throws {
        try #require(environment.ready, "ALSA test config could not be written in \(environment.folder.path)")
    }

    private struct Environment: Sendable {
        let folder: URL
        let ready: Bool
    }

    private static let environment: Environment = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("relay-alsa-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        let config = folder.appendingPathComponent("relay-test.conf")
        func captureDevice(_ name: String, _ infile: String) -> String {
            """
            pcm.\(name) {
                type file
                slave.pcm "null"
                file "/dev/null"
                infile "\(folder.appendingPathComponent(infile).path)"
                format "raw"
                hint { show on description "Relay test capture" }
            }

            """
        }
        let captures = captureDevice(capture, "in.raw") + captureDevice(stereoCapture, "in-stereo.raw") + captureDevice(endless, "endless.raw")
        let text = captures + """
            pcm.\(playback) {
                type file
                slave.pcm "null"
                file "\(folder.appendingPathComponent("out.raw").path)"
                format "raw"
            }

            """
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: config, atomically: true, encoding: .utf8)
            // The capture devices' input files must exist before a device is opened.
            for file in ["in.raw", "in-stereo.raw", "endless.raw"] {
                try Data().write(to: folder.appendingPathComponent(file))
            }
        } catch {
            return Environment(folder: folder, ready: false)
        }
        // alsa.conf must stay first: it defines `null`, `default` and the plugin types.
        setenv("ALSA_CONFIG_PATH", "/usr/share/alsa/alsa.conf:\(config.path)", 1)
        // The folder outlives every test of the process; remove it when the process exits.
        atexit { try? FileManager.default.removeItem(at: ALSATestDevices.folder) }
        return Environment(folder: folder, ready: true)
    }()

    /// Little-endian bytes of `samples`, as the `file` plugin reads and writes raw S16_LE.
    static func bytes(of samples: [Int16]) -> Data {
        var data = Data(capacity: samples.count * 2)
        for sample in samples {
            let value = UInt16(bitPattern: sample).littleEndian
            data.append(UInt8(value & 0xFF))
            data.append(UInt8(value >> 8))
        }
        return data
    }

    /// Samples of little-endian S16 `data`.
    static func samples(of data: Data) -> [Int16] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - 1, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
    }

    /// A pattern that catches swapped bytes, dropped or repeated samples and sign errors:
    /// a ramp through the whole Int16 range mixed with the index.
    static func pattern(count: Int, seed: Int = 0) -> [Int16] {
        (0..<count).map { i in Int16(truncatingIfNeeded: (i + seed) &* 7_919 &+ (i >> 3)) }
    }
}

/// Every test that opens an ALSA device lives in this suite, so they run one at a time.
@Suite("ALSA", .serialized)
struct ALSATests {}
