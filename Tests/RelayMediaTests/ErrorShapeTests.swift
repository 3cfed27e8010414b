import Foundation
import RelayCore
import RelayMedia
import Testing

/// Layer errors share RelayCore's shape: codes are caught by pattern, and a code only matches its own layer's error.
@Suite struct ErrorShapeTests {
    /// Another layer's error with a code spelled the same way.
    struct OtherError: RelayError {
        var code: RelayErrorCode<OtherError>
        var path: String? { nil }
        var hint: String? { nil }
        var description: String { code.rawValue }
    }

    @Test func codesAreCaughtByPattern() {
        let missing = URL(fileURLWithPath: "/nonexistent/relay-error-shape.wav")
        var caught = ""
        do {
            _ = try WAVFile(contentsOf: missing)
        } catch MediaError.Code.emptyFile {
            caught = "empty"
        } catch MediaError.Code.fileNotFound {
            caught = "not found"
        } catch {
            caught = "other: \(error)"
        }
        #expect(caught == "not found")
    }

    @Test func codesMatchOnlyTheirOwnLayer() {
        let media: any Error = MediaError(.invalidArgument, operation: "testing")
        let other: any Error = OtherError(code: RelayErrorCode("invalid_argument"))
        #expect(MediaError.Code.invalidArgument ~= media)
        #expect(!(MediaError.Code.invalidArgument ~= other))
        #expect(!(MediaError.Code.decodeFailed ~= media))
        let shaped = media as? any RelayError
        #expect(shaped?.path == nil && shaped?.hint == nil)
    }
}
