// What a plugin needs from the layers below RelayKit, re-exported on purpose so that `import RelayKit` is all an
// author writes (and a plugin target depends on RelayKit alone, plus RelayMedia when it decodes media).
// Keep this list short: everything here is part of RelayKit's public API and cannot be taken back lightly.

// State: plugins declare their tables with GRDB (`DatabaseMigrator`, `Database`, `Row`) and write through
// `context.write { db in … }`, so GRDB is part of the SDK.
@_exported public import GRDB

// Arguments, results and golden cases are JSON values (`JSONValue`, `JSONObject`, literals, `PrettyJSON`).
@_exported public import RelayJSON

// Errors: a plugin's error can take Relay's one shape (a growable code, `catch PhotosError.Code.noSuchAlbum`).
@_exported public import protocol RelayCore.RelayError
@_exported public import struct RelayCore.RelayErrorCode

// The call a sentence, the model or a test produces: plugin tests compare `PluginTest`'s `call` with one.
@_exported public import struct RelayModel.ToolCall
