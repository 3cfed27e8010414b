import Foundation
import RelayTestSupport
import Testing

/// `relay say` with the sentence encoder (issue 13), `relay doctor`, and templates only when the model is missing.
@Suite struct UnderstandingCLITests {
    @Test func sayUsesTheEncoderAndDoctorShowsIt() async throws {
        let home = try Fixtures.folder("relay-understanding-cli")
        let on: [String: String?] = ["RELAY_ENCODER": nil]
        let run = try await RelayCLI.run(["say", "i'd like bluetooth on", "--json", "--home", home.path], environment: on)
        #expect(run.status == 0, "\(run.stderr)")
        let call = try #require(run.jsonLines.last?["tool_call"] as? [String: Any])
        #expect(call["name"] as? String == "settings.set_toggle")
        #expect((call["arguments"] as? [String: Any])?["on"] as? Bool == true)

        let doctor = try await RelayCLI.run(["doctor", "--json", "--home", home.path], environment: on)
        #expect(doctor.status == 0, "\(doctor.stderr)")
        let report = try #require(doctor.jsonLines.first)
        let encoder = try #require(report["sentence_encoder"] as? [String: Any])
        #expect(encoder["in_use"] as? Bool == true)
        #expect((encoder["model"] as? String)?.hasPrefix("all-MiniLM-L6-v2 384") == true)
        let cache = try #require(report["understanding_cache"] as? [String: Any])
        // The say above filled the cache (or found it filled): the doctor reads it back.
        #expect(cache["state"] as? String == "loaded from the cache")
        #expect((cache["path"] as? String)?.contains("/cache/understanding-") == true)
        #expect((cache["sentences"] as? Int ?? 0) > 1000)
    }

    @Test func withoutTheModelTemplatesOnlyAndSaysSoOnce() async throws {
        let home = try Fixtures.folder("relay-understanding-cli")
        let models = try Fixtures.folder("relay-no-models")
        let environment: [String: String?] = ["RELAY_ENCODER": nil, "RELAY_MODELS": models.path]
        let first = try await RelayCLI.run(["say", "turn on wifi", "--home", home.path], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("templates only"))
        let second = try await RelayCLI.run(["say", "i'd like bluetooth on", "--json", "--home", home.path], environment: environment)
        #expect(!second.stderr.contains("templates only"), "said once per home")
        // Without the encoder a read is still not taken for a write: not understood rather than get_toggle.
        #expect(second.jsonLines.last?["status"] as? String == "not_understood")
        let doctor = try await RelayCLI.run(["doctor", "--home", home.path], environment: environment)
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("templates only"))
    }
}
