public import RelayKit

/// The Camera app: takes photos and records clips from a configured source file; what it makes lands
/// in Photos through the dispatcher (`photos.import_media`), so Camera needs no link to the Photos plugin.
/// State lives in `<home>/camera.sqlite`; photos it takes are JPEGs under `<home>/camera/`.
public struct CameraSubsystem: Subsystem {
    /// Creates the subsystem.
    public init() {}

    public var name: String { "camera" }
    public var displayName: String { "Camera" }
    public var summary: String { "Takes photos and records clips from a configured video or image file; they land in Photos." }
    public var actions: [any Action.Type] { [SetSource.self, TakePhoto.self, RecordClip.self, CameraStatus.self] }
    public var migrator: DatabaseMigrator { CameraSchema.migrator }
    public var screens: [any Screen.Type] { [CameraScreen.self] }
}

/// The conventional entry point the installed-plugins list calls.
public enum CameraPlugin {
    /// The Camera subsystem.
    public static func makeSubsystem() -> any Subsystem { CameraSubsystem() }
}
