public import RelayKit

/// The JSON form of an import report, shared by the action and `relay photos import --json`.
public enum ImportReportJSON {
    /// `{"imported": [ids], "already_in_library": [paths], "failed": [{"path", "message"}]}`.
    public static func object(_ report: PhotoImporter.Report) -> JSONObject {
        [
            "imported": .array(report.imported.map { .int(Int($0)) }),
            "already_in_library": .array(report.alreadyInLibrary.map { .string($0) }),
            "failed": .array(report.failed.map { .object(["path": .string($0.path), "message": .string($0.message)]) }),
        ]
    }
}
