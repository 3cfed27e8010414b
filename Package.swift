// swift-tools-version:6.1
import Foundation
import PackageDescription

// The installed plugins. `relay plugin new NAME` and `relay plugin sync` rewrite the list below from the
// folders Plugins/<Name>/ and Samples/Plugins/<Name>/ (each with Sources/, and Tests/ when it has tests).
// It is written out rather than discovered here because SwiftPM caches a manifest's result by its text:
// a manifest that scanned folders would not notice a new plugin. Each becomes the target `<Name>Plugin`
// and, with tests, `<Name>PluginTests`.
// BEGIN INSTALLED PLUGINS
let installedPlugins = ["Plugins/Camera", "Plugins/Clock", "Plugins/Messages", "Plugins/Photos", "Plugins/Settings", "Samples/Plugins/Notes"]
// END INSTALLED PLUGINS

// What a plugin imports besides RelayKit (its sources) and RelayKit + RelayKitTesting (its tests): RelayMedia, for
// the plugins that decode media themselves (and Settings' tests, which decode a screenshot). A new plugin needs no entry. PackageDependencyTests checks this.
let pluginExtraDependencies: [String: (sources: [Target.Dependency], tests: [Target.Dependency])] = [
    "Camera": (sources: ["RelayMedia"], tests: ["RelayMedia"]),
    "Photos": (sources: ["RelayMedia"], tests: ["RelayMedia"]),
    // Its screen tests decode a screenshot.
    "Settings": (sources: [], tests: ["RelayMedia"]),
]

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

let plugins: [(name: String, path: String, hasTests: Bool)] = installedPlugins.map { path in
    let tests = packageRoot.appendingPathComponent(path).appendingPathComponent("Tests")
    return (String(path.split(separator: "/").last!), path, FileManager.default.fileExists(atPath: tests.path))
}

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

var targets: [Target] = [
    // C system libraries: a module map and a shim header each, nothing else.
    .systemLibrary(
        name: "CFFmpeg",
        pkgConfig: "libavformat libavcodec libavutil libswscale libswresample",
        providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev", "libswscale-dev", "libswresample-dev"])]
    ),
    .systemLibrary(name: "CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
    // Phone screens' text: FreeType with Debian's DejaVu Sans (fonts-dejavu-core).
    .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev", "fonts-dejavu-core"])]),
    .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
    .systemLibrary(
        name: "CPocketSphinx",
        pkgConfig: "pocketsphinx sphinxbase",
        providers: [.apt(["libpocketsphinx-dev", "pocketsphinx-en-us"])]
    ),

    // Layers, each depending only on the ones above it.
    // RelayCore: the one pool for blocking work and child processes, shared by every layer.
    .target(name: "RelayCore", swiftSettings: swiftSettings),
    // RelayLanguage: the one sentence-template language (parser, syntax tree, normaliser) that the matcher and the
    // speech grammar compiler both read.
    .target(name: "RelayLanguage", swiftSettings: swiftSettings),
    // RelayJSON: the JSON value (ordered objects, parsing, Qwen/Python-compatible rendering), below everything.
    .target(name: "RelayJSON", swiftSettings: swiftSettings),
    .target(name: "RelayMedia", dependencies: ["RelayCore", "CFFmpeg", "CALSA", "CFreeType"], swiftSettings: swiftSettings),
    // RelaySentenceEncoder: sentence embeddings (all-MiniLM-L6-v2: WordPiece, BERT forward pass, mean pooling) in
    // Swift from the model's safetensors file, which Samples/scripts/fetch-models.sh puts under $RELAY_MODELS. Its dense
    // layers multiply with its own kernel (CSentenceKernels' AVX2/FMA code when the CPU has them, else Swift SIMD) or
    // OpenBLAS. Always optimised, debug builds included: at -Onone its Swift code is ~100 times slower (SIMD generics
    // are not specialised), which would make its tests take minutes instead of seconds.
    .target(name: "CSentenceKernels", cSettings: [.unsafeFlags(["-O2"])]),
    .target(
        name: "RelaySentenceEncoder", dependencies: ["RelayCore", "RelayLanguage", "CSentenceKernels", "COpenBLAS"],
        swiftSettings: swiftSettings + [.unsafeFlags(["-O", "-enforce-exclusivity=unchecked"])]
    ),
    // RelayPerception: what video analysis measures in pictures and sound (no model involved). Optimised in debug
    // builds too: its per-pixel loops at -Onone made the video-analysis tests twice as slow (44 → 24 s of CPU).
    .target(name: "RelayPerception", dependencies: ["RelayMedia"], swiftSettings: swiftSettings + [.unsafeFlags(["-O"])]),
    .target(name: "RelayModel", dependencies: ["RelayCore", "RelayJSON", "RelayMedia", "RelayPerception"], swiftSettings: swiftSettings),
    .target(name: "RelaySpeech", dependencies: ["RelayCore", "RelayJSON", "RelayLanguage", "RelayMedia", "CPocketSphinx"], swiftSettings: swiftSettings),
    .target(
        name: "RelayKit",
        dependencies: ["RelayCore", "RelayJSON", "RelayLanguage", "RelayMedia", "RelayModel", "CSentenceKernels", .product(name: "GRDB", package: "GRDB.swift")],
        swiftSettings: swiftSettings
    ),
    // The plugin test kit (a product for plugin authors), built on the shared test support.
    .target(
        name: "RelayKitTesting", dependencies: ["RelayJSON", "RelayLanguage", "RelayModel", "RelayKit", "RelaySentenceEncoder", "RelayTestSupport"],
        swiftSettings: swiftSettings
    ),
    .target(
        name: "RelayAgent",
        dependencies: ["RelayCore", "RelayJSON", "RelayLanguage", "RelayMedia", "RelayPerception", "RelayModel", "RelaySpeech", "RelayKit"],
        resources: [.copy("Understanding/Calibration")],
        swiftSettings: swiftSettings
    ),
    // The list of installed plugins, regenerated by `relay plugin new`.
    .target(
        name: "RelayPlugins",
        dependencies: ["RelayKit"] + plugins.map { .target(name: "\($0.name)Plugin") },
        swiftSettings: swiftSettings
    ),
    // MCP both ways: `relay mcp` serves every action over the official Swift SDK (stdio, or Streamable HTTP on a small
    // socket server), and servers listed in <home>/mcp.json become subsystems whose actions are their tools.
    .target(
        name: "RelayMCP",
        dependencies: [
            "RelayCore", "RelayJSON", "RelayKit", "RelayAgent",
            .product(name: "MCP", package: "swift-sdk"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: swiftSettings
    ),
    // The plugin scaffolder behind `relay plugin new/sync`: it rewrites this package's sources, so it stays with the CLI.
    .target(name: "RelayScaffold", dependencies: ["RelayKit"], swiftSettings: swiftSettings),
    .executableTarget(
        name: "relay",
        dependencies: [
            "RelayScaffold", "RelayJSON", "RelayLanguage", "RelayMedia", "RelayModel", "RelaySentenceEncoder", "RelaySpeech", "RelayKit",
            "RelayAgent", "RelayPlugins", "RelayMCP",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: swiftSettings
    ),
    .executableTarget(
        name: "relay-bench",
        dependencies: [
            "RelayCore", "RelayJSON", "RelayMedia", "RelayPerception", "RelayModel", "RelaySentenceEncoder", "RelaySpeech", "RelayKit", "RelayAgent", "RelayPlugins", "RelayMCP",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: swiftSettings
    ),

    // What every test target shares (not a product): a local HTTP server, the runner for the built `relay`
    // binary, media and speech fixtures made with ffmpeg, espeak-ng and sox.
    .target(name: "RelayTestSupport", dependencies: ["RelayCore"], path: "Tests/RelayTestSupport", swiftSettings: swiftSettings),

    .testTarget(name: "RelayCoreTests", dependencies: ["RelayCore", "RelayTestSupport"], swiftSettings: swiftSettings),
    .testTarget(name: "RelayJSONTests", dependencies: ["RelayJSON"], swiftSettings: swiftSettings),
    .testTarget(name: "RelayLanguageTests", dependencies: ["RelayLanguage"], swiftSettings: swiftSettings),
    .testTarget(
        name: "RelaySentenceEncoderTests", dependencies: ["RelaySentenceEncoder", "RelayCore", "RelayTestSupport"], swiftSettings: swiftSettings
    ),
    .testTarget(name: "RelayMediaTests", dependencies: ["RelayCore", "RelayMedia", "RelayTestSupport"], swiftSettings: swiftSettings),
    .testTarget(
        name: "RelayModelTests", dependencies: ["RelayModel", "RelayJSON", "RelayMedia", "RelayTestSupport"], resources: [.copy("Fixtures")],
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "RelayPerceptionTests", dependencies: ["RelayPerception", "RelayMedia", "RelayModel"], swiftSettings: swiftSettings
    ),
    .testTarget(name: "RelaySpeechTests", dependencies: ["RelayCore", "RelayJSON", "RelayLanguage", "RelaySpeech", "RelayMedia", "RelayTestSupport"], swiftSettings: swiftSettings),
    .testTarget(
        name: "RelayKitTests",
        dependencies: ["RelayJSON", "RelayLanguage", "RelayModel", "RelayKit", "RelayKitTesting", "RelayPlugins", "RelayScaffold", "RelayTestSupport"],
        swiftSettings: swiftSettings
    ),
    .testTarget(
        name: "RelayAgentTests",
        dependencies: [
            "RelayAgent", "RelayKit", "RelayKitTesting", "RelayLanguage", "RelayPlugins", "RelayModel", "RelayPerception", "RelayJSON",
            "RelayMedia", "RelaySpeech", "RelaySentenceEncoder", "RelayTestSupport",
            // The voice tests load the built-in plugins by name (not Samples/Plugins/Notes).
            "CameraPlugin", "ClockPlugin", "MessagesPlugin", "PhotosPlugin", "SettingsPlugin",
        ],
        swiftSettings: swiftSettings
    ),
    // Video analysis end to end, and the odd-size matrix through Photos and the Camera: a target of their own because
    // they run under AddressSanitizer, whose build then leaves out the rest of the agent's tests.
    .testTarget(
        name: "RelayVideoAnalysisTests",
        dependencies: [
            "RelayAgent", "RelayKit", "RelayKitTesting", "RelayPlugins", "RelayModel", "RelayPerception", "RelayJSON",
            "RelayMedia", "RelayTestSupport", "CameraPlugin", "PhotosPlugin",
        ],
        swiftSettings: swiftSettings
    ),
    // End-to-end tests: they run the built `relay` binary as a user would.
    // MCPPeers/ holds the Python MCP peers (official SDK) that the MCP tests run.
    .testTarget(name: "RelayCLITests", dependencies: ["relay", "RelayTestSupport"], exclude: ["MCPPeers"], swiftSettings: swiftSettings),

    // Fuzz targets (Samples/scripts/fuzz.sh builds them with libFuzzer and AddressSanitizer). In a normal build each
    // is a small program that replays the input files it is given, so they always compile.
    .target(name: "CFuzzSupport", path: "Fuzz/CFuzzSupport"),
    .target(name: "FuzzHarness", dependencies: ["CFuzzSupport", "RelayCore"], path: "Fuzz/FuzzHarness", swiftSettings: swiftSettings),
    .executableTarget(name: "FuzzMedia", dependencies: ["FuzzHarness", "RelayMedia"], path: "Fuzz/FuzzMedia", swiftSettings: swiftSettings),
    .executableTarget(name: "FuzzFrames", dependencies: ["FuzzHarness", "RelayMedia"], path: "Fuzz/FuzzFrames", swiftSettings: swiftSettings),
    .executableTarget(name: "FuzzAudio", dependencies: ["FuzzHarness", "RelayMedia"], path: "Fuzz/FuzzAudio", swiftSettings: swiftSettings),
    .executableTarget(name: "FuzzText", dependencies: ["FuzzHarness", "RelayLanguage", "RelayModel"], path: "Fuzz/FuzzText", swiftSettings: swiftSettings),
]

for plugin in plugins {
    targets.append(.target(
        name: "\(plugin.name)Plugin",
        dependencies: ["RelayKit"] + (pluginExtraDependencies[plugin.name]?.sources ?? []),
        path: "\(plugin.path)/Sources",
        swiftSettings: swiftSettings
    ))
    if plugin.hasTests {
        targets.append(.testTarget(
            name: "\(plugin.name)PluginTests",
            dependencies: [.target(name: "\(plugin.name)Plugin"), "RelayKit", "RelayKitTesting"]
                + (pluginExtraDependencies[plugin.name]?.tests ?? []),
            path: "\(plugin.path)/Tests",
            resources: [.copy("Golden")].filter { _ in
                FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("\(plugin.path)/Tests/Golden").path)
            },
            swiftSettings: swiftSettings
        ))
    }
}

// The instrumented build (Samples/scripts/sanitizer-flags.sh sets RELAY_INSTRUMENTED_SUBSET=1 for .build-asan and
// .build-fuzz) compiles only what the AddressSanitizer tests and the fuzz targets run: the media, model, kit and agent
// layers, the built-in plugins and their tests, and Fuzz/. Leaving out the CLI (with the MCP SDK), the benchmarks and
// the other test targets took a minute and a half off every CI run. The sentence encoder stays: the plugin test kit
// (PluginTest, which the Photos, Camera and size-matrix tests use) understands with it.
var products: [Product] = [
    .executable(name: "relay", targets: ["relay"]),
    .executable(name: "relay-bench", targets: ["relay-bench"]),
    .library(name: "RelayKit", targets: ["RelayKit"]),
    .library(name: "RelayKitTesting", targets: ["RelayKitTesting"]),
]
if ProcessInfo.processInfo.environment["RELAY_INSTRUMENTED_SUBSET"] == "1" {
    let kept: Set<String> = ["RelayMediaTests", "RelayVideoAnalysisTests", "PhotosPluginTests", "CameraPluginTests"]
    let left: Set<String> = [
        "relay", "relay-bench", "RelayMCP", "RelayScaffold",
    ]
    targets.removeAll { left.contains($0.name) || ($0.type == .test && !kept.contains($0.name)) }
    products.removeAll { $0.name == "relay" || $0.name == "relay-bench" }
}

let package = Package(
    name: "Relay",
    platforms: [.macOS(.v14)],
    products: products,
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The official MCP SDK (it needs swift-tools-version 6.1); swift-log for its Transport protocol's logger.
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: targets
)
