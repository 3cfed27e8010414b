import Testing
import RelayModel
import RelayJSON

/// Every case of qwen-vl-utils 0.0.10's own computations (vision_reference.json) must agree exactly.
@Suite struct VisionReferenceTests {
    static func sampling(_ c: JSONValue) -> VideoSampling {
        VideoSampling(
            fps: c["fps"]?.doubleValue, nframes: c["nframes"]?.intValue, minFrames: c["min_frames"]?.intValue,
            maxFrames: c["max_frames"]?.intValue, minPixels: c["min_pixels"]?.intValue, maxPixels: c["max_pixels"]?.intValue,
            totalPixels: c["total_pixels"]?.intValue
        )
    }

    /// What Swift computes for a case, in the table's shape.
    static func compute(_ c: JSONValue) -> JSONObject {
        let kind = c["kind"]?.stringValue ?? ""
        let w = c["width"]?.intValue ?? 0
        let h = c["height"]?.intValue ?? 0
        var out = JSONObject()
        do {
            switch kind {
            case "image":
                let p = try QwenVision.planImage(width: w, height: h, minPixels: c["min_pixels"]?.intValue, maxPixels: c["max_pixels"]?.intValue)
                out["resized_height"] = .int(p.resizedHeight)
                out["resized_width"] = .int(p.resizedWidth)
                out["grid_thw"] = .array(p.grid.array.map { .int($0) })
                out["visual_tokens"] = .int(p.visualTokens)
            case "video":
                let p = try QwenVision.planVideo(
                    width: w, height: h, totalFrames: c["total_frames"]?.intValue ?? 0,
                    videoFPS: c["video_fps"]?.doubleValue ?? 0, sampling: sampling(c)
                )
                out["nframes"] = .int(p.nframes)
                out["frame_indices"] = .array(p.frameIndices.map { .int($0) })
                out["sample_fps"] = .double(p.sampleFPS)
                out["resized_height"] = .int(p.resizedHeight)
                out["resized_width"] = .int(p.resizedWidth)
                out["grid_thw"] = .array(p.grid.array.map { .int($0) })
                out["visual_tokens"] = .int(p.visualTokens)
            default:
                let p = try QwenVision.planFrameList(count: c["count"]?.intValue ?? 0, width: w, height: h, sampling: sampling(c))
                out["nframes"] = .int(p.nframes)
                out["sample_fps"] = .double(p.sampleFPS)
                out["resized_height"] = .int(p.resizedHeight)
                out["resized_width"] = .int(p.resizedWidth)
                out["grid_thw"] = .array(p.grid.array.map { .int($0) })
                out["visual_tokens"] = .int(p.visualTokens)
            }
        } catch let error as ModelError {
            out["error"] = .string(error.message)
        } catch {
            out["error"] = .string("\(error)")
        }
        return out
    }

    /// Numbers compare by value (the table writes 2.0 where Swift may hold an int).
    static func same(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a, b) {
        case (.array(let x)?, .array(let y)?): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (let x?, let y?) where x.doubleValue != nil && y.doubleValue != nil: return x.doubleValue == y.doubleValue
        default: return a == b
        }
    }

    @Test func fullAgreementWithQwenVLUtils() throws {
        let table = try ReferenceFixtures.load("vision_reference")
        let cases = try #require(table["cases"]?.arrayValue)
        #expect(cases.count >= 300)
        var mismatches: [String] = []
        var errors = 0
        for c in cases {
            let expected = try #require(c["expect"]?.objectValue)
            if expected["error"] != nil { errors += 1 }
            let got = Self.compute(c)
            let keys = Set(expected.keys).union(got.keys)
            if !keys.allSatisfy({ Self.same(expected[$0], got[$0]) }) {
                mismatches.append("case \(c["id"]?.intValue ?? -1): expected \(JSONValue.object(expected).qwenJSON), got \(JSONValue.object(got).qwenJSON)")
            }
        }
        #expect(errors >= 20, "the table must include error cases")
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(cases.count) disagree:\n\(mismatches.prefix(10).joined(separator: "\n"))")
    }

    @Test func referenceExamples() throws {
        let a = try QwenVision.smartResize(height: 1080, width: 1920)
        #expect(a.height == 1092 && a.width == 1932)
        let b = try QwenVision.smartResize(height: 70, width: 70)
        #expect(b.height == 56 && b.width == 56)
        #expect(try QwenVision.smartNFrames(VideoSampling(), totalFrames: 108_000, videoFPS: 30) == 768)
        #expect(try QwenVision.smartNFrames(VideoSampling(nframes: 7), totalFrames: 300, videoFPS: 30) == 8)
        #expect(QwenVision.frameIndices(totalFrames: 300, count: 20).prefix(4) == [0, 16, 31, 47])
        let hour = try QwenVision.planVideo(width: 1920, height: 1080, totalFrames: 108_000, videoFPS: 30, sampling: VideoSampling())
        #expect(hour.nframes == 768 && hour.resizedWidth == 644 && hour.resizedHeight == 336 && hour.visualTokens == 105_984)
    }

    @Test func errorsUseThePackageMessages() {
        #expect(throws: ModelError.self) { try QwenVision.smartResize(height: 1, width: 201) }
        do {
            _ = try QwenVision.smartNFrames(VideoSampling(fps: 1, nframes: 4), totalFrames: 10, videoFPS: 30)
            Issue.record("fps with nframes must fail")
        } catch let error as ModelError {
            #expect(error.message == "Only accept either `fps` or `nframes`")
        } catch { Issue.record("wrong error \(error)") }
        do {
            _ = try QwenVision.smartNFrames(VideoSampling(nframes: 12), totalFrames: 5, videoFPS: 30)
            Issue.record("too many frames must fail")
        } catch let error as ModelError {
            #expect(error.message == "nframes should in interval [2, 5], but got 12.")
        } catch { Issue.record("wrong error \(error)") }
    }
}
