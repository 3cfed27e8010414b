import CameraPlugin
import ClockPlugin
import MessagesPlugin
import PhotosPlugin
import RelayKit
import SettingsPlugin

/// The built-in subsystems the voice and text tests run against.
///
/// Listed here rather than taken from RelayPlugins' generated list so these tests do not depend on
/// which sample plugins happen to be installed.
let builtInSubsystems: [any Subsystem] = [
    PhotosPlugin.makeSubsystem(), CameraPlugin.makeSubsystem(), MessagesPlugin.makeSubsystem(),
    SettingsPlugin.makeSubsystem(), ClockPlugin.makeSubsystem(),
]
