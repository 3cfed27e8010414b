/// The picture chosen to stand for a scene, JPEG-encoded (the pixels themselves are not kept).
public struct SceneKeyframe: Sendable, Hashable {
    /// Index of the scene.
    public var sceneIndex: Int
    /// Time of the frame in seconds.
    public var time: Double
    /// Width of the JPEG in pixels.
    public var width: Int
    /// Height of the JPEG in pixels.
    public var height: Int
    /// The JPEG bytes.
    public var jpeg: [UInt8]

    /// Creates a keyframe.
    public init(sceneIndex: Int, time: Double, width: Int, height: Int, jpeg: [UInt8]) {
        self.sceneIndex = sceneIndex
        self.time = time
        self.width = width
        self.height = height
        self.jpeg = jpeg
    }
}
