import Foundation

/// A built-in ``StubSkill`` that answers what the stub can truly know about pictures: their size.
///
/// It answers "how big / what size / how many pixels / resolution" questions about the request's images and
/// videos from their plans, and nothing else — object questions fall through to an honest refusal.
public struct ImageSizeSkill: StubSkill {
    public var name: String { "image-size" }

    /// Creates the skill.
    public init() {}

    public func answer(_ input: StubInput) async throws -> StubAnswer? {
        guard !input.images.isEmpty || !input.videos.isEmpty else { return nil }
        let question = input.userText.lowercased()
        let asksSize = ["size", "how big", "resolution", "dimensions", "how many pixels", "how large"].contains { question.contains($0) }
        guard asksSize else { return nil }
        var sentences: [String] = []
        for (i, image) in input.images.enumerated() {
            let p = image.plan
            let prefix = input.images.count > 1 ? "Image \(i + 1) is" : "The image is"
            sentences.append("\(prefix) \(p.originalWidth)×\(p.originalHeight) pixels; I see it at \(p.resizedWidth)×\(p.resizedHeight) (\(p.visualTokens) visual tokens).")
        }
        for (i, video) in input.videos.enumerated() {
            let p = video.plan
            let prefix = input.videos.count > 1 ? "Video \(i + 1) is" : "The video is"
            sentences.append("\(prefix) \(p.originalWidth)×\(p.originalHeight) pixels; I see \(p.nframes) frames at \(p.resizedWidth)×\(p.resizedHeight) (\(p.visualTokens) visual tokens).")
        }
        return .text(sentences.joined(separator: " "))
    }
}
