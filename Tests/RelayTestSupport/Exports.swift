// Test targets that import the support get the process runner they are built on.
@_exported public import RelayCore
