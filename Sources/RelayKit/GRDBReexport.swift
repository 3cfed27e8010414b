// Plugins declare their tables with GRDB (`DatabaseMigrator`, `Database`, `Row`) and their
// manifest entries depend only on RelayKit, so the SDK re-exports GRDB: `import RelayKit` is all
// an author writes. GRDB is part of RelayKit's public API on purpose (migrations, `context.write`).
@_exported public import GRDB
