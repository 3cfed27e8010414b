import ArgumentParser

/// `relay-bench`: speed and memory of Relay against the peer tools, as ratios.
@main
struct RelayBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relay-bench",
        abstract: "Benchmarks that print Relay's speed and memory as ratios against peer tools run in the same process.",
        subcommands: [MediaBench.self, VoiceBench.self, VoiceCorpusBench.self, VideoBench.self, ScenePeerBench.self, MCPBench.self, EncoderBench.self, UnderstandingBench.self, UnderstandingSetsBench.self, ScreenBench.self, GUIBench.self]
    )
}
