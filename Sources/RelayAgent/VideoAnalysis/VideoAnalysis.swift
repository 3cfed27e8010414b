public import Foundation
public import RelayMedia
public import RelayModel
public import RelayJSON
public import RelayPerception

/// The result of analysing one video file: its timeline, scene keyframes, the model's token budget, warnings.
public struct VideoAnalysis: Sendable {
    /// The file.
    public var file: URL
    /// What perception measured (scenes, events, per-frame and per-window series).
    public var timeline: PerceptionTimeline
    /// One JPEG per scene, in scene order (a scene whose keyframe failed to encode has none).
    public var keyframes: [SceneKeyframe]
    /// How Qwen2.5-VL samples and tokenizes the video at the chosen fps (nil without a usable video stream).
    public var plan: VideoPlan?
    /// Problems that did not stop the analysis (a truncated file, an undecodable tail…).
    public var warnings: [String]
    /// The probed container and streams.
    public var info: MediaInfo?
    /// Damaged input skipped while decoding (also summed up in `warnings`).
    public var damage: MediaDamage

    /// Creates a result.
    public init(
        file: URL, timeline: PerceptionTimeline, keyframes: [SceneKeyframe], plan: VideoPlan?, warnings: [String],
        info: MediaInfo?, damage: MediaDamage = MediaDamage()
    ) {
        self.file = file
        self.timeline = timeline
        self.keyframes = keyframes
        self.plan = plan
        self.warnings = warnings
        self.info = info
        self.damage = damage
    }

    /// The keyframe of scene `index`.
    public func keyframe(ofScene index: Int) -> SceneKeyframe? { keyframes.first { $0.sceneIndex == index } }
}

extension VideoAnalysis {
    /// The `relay analyze --json` object: `{"file", "duration", "scenes": […], "events": […], "tokens": {…}}`,
    /// times in seconds (3 decimals), plus `"warnings"` when there are any and `"damaged_packets"`
    /// (`{"video", "audio", "container", "total"}`) when decoding skipped damaged input. Every scene but the first has a
    /// `"transition"`: `{"kind": "cut" | "dissolve" | "fade", "start", "end"}`.
    public var json: JSONValue {
        var object = JSONObject()
        object["file"] = .string(file.path)
        object["duration"] = .double(Self.round(timeline.duration))
        object["scenes"] = .array(timeline.scenes.map { scene in
            var s = JSONObject()
            s["start"] = .double(Self.round(scene.start))
            s["end"] = .double(Self.round(scene.end))
            s["keyframe_time"] = .double(Self.round(scene.keyframeTime))
            s["dominant_colors"] = .array(scene.dominantColors.map { .string($0.rawValue) })
            s["mean_brightness"] = .double(Self.round(scene.meanBrightness))
            s["motion"] = .double(Self.round(scene.motion, places: 4))
            s["description"] = .string(scene.description)
            if let transition = scene.transition {
                s["transition"] = .object([
                    "kind": .string(transition.kind.rawValue), "start": .double(Self.round(transition.start)),
                    "end": .double(Self.round(transition.end)),
                ])
            }
            return .object(s)
        })
        object["events"] = .array(timeline.events.map { event in
            .object([
                "type": .string(event.kind.rawValue), "start": .double(Self.round(event.start)),
                "end": .double(Self.round(event.end)),
            ])
        })
        object["tokens"] = plan.map { Self.tokensJSON($0) } ?? .null
        if damage.total > 0 {
            object["damaged_packets"] = .object([
                "video": .int(damage.videoPackets), "audio": .int(damage.audioPackets),
                "container": .int(damage.containerReads), "total": .int(damage.total),
            ])
        }
        if !warnings.isEmpty { object["warnings"] = .array(warnings.map { .string($0) }) }
        return .object(object)
    }

    /// The fields of `relay tokens --json` for a video plan.
    public static func tokensJSON(_ plan: VideoPlan) -> JSONValue {
        var t = JSONObject()
        t["kind"] = .string("video")
        t["resized_width"] = .int(plan.resizedWidth)
        t["resized_height"] = .int(plan.resizedHeight)
        t["grid_thw"] = .array(plan.grid.array.map { .int($0) })
        t["visual_tokens"] = .int(plan.visualTokens)
        t["nframes"] = .int(plan.nframes)
        t["frame_indices"] = .array(plan.frameIndices.map { .int($0) })
        t["sample_fps"] = .double(plan.sampleFPS)
        return .object(t)
    }

    static func round(_ x: Double, places: Int = 3) -> Double {
        let scale = pow(10, Double(places))
        return (x * scale).rounded() / scale
    }

    /// A readable timeline for the terminal.
    public var text: String {
        let s = VideoQuestionAnswerer.seconds
        var lines: [String] = ["\(file.lastPathComponent) — \(s(timeline.duration)) s, \(timeline.scenes.count) scene\(timeline.scenes.count == 1 ? "" : "s")"]
        if let plan {
            lines.append("  model: \(plan.nframes) frames at \(plan.resizedWidth)x\(plan.resizedHeight), \(plan.visualTokens) visual tokens")
        }
        for scene in timeline.scenes {
            let colors = scene.dominantColors.map(\.rawValue).joined(separator: ", ")
            var entry = ""
            if let transition = scene.transition, transition.isGradual {
                entry = "  (after a \(transition.kind.rawValue) \(s(transition.start))–\(s(transition.end)) s)"
            }
            lines.append("  scene \(scene.index + 1)  \(pad(s(scene.start)))–\(pad(s(scene.end))) s  [\(colors)]  \(scene.description)\(entry)")
        }
        for event in timeline.events {
            lines.append("  \(event.kind.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))\(pad(s(event.start)))–\(pad(s(event.end))) s")
        }
        for warning in warnings { lines.append("  warning: \(warning)") }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String) -> String { String(repeating: " ", count: max(0, 6 - text.count)) + text }
}
