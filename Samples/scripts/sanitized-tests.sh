# The tests that run under AddressSanitizer (sourced by test-sanitized.sh and test.sh): every test that runs Relay's
# own code against FFmpeg, ALSA and the image encoders in-process. They run once, instrumented: test.sh's main run
# skips them, except MemoryTests (RSS over thousands of open/close cycles), which the instrumented run leaves out
# (LeakSanitizer checks leaks directly, and under ASan they took 35 s) and so run in the main one.
# Swift Testing matches these patterns against every part of a test's ID, its source file included: a suite in
# VideoAnalysisTests.swift is selected by "VideoAnalysisTests" whatever its name.
SANITIZED_TESTS='RelayMediaTests|SizeMatrixPipelineTests|VideoAnalysisTests|VideoAnalysisPhotosTests|PhotosImportTests|PhotosLibraryTests|CameraActionTests'
# The same set for --skip, minus MemoryTests. A module's own ID must not match (skipping it skips all it holds), so
# RelayMediaTests is matched by its suites' IDs, "RelayMediaTests.<Suite>", MemoryTests excepted.
SANITIZED_TESTS_BUT_MEMORY="${SANITIZED_TESTS/RelayMediaTests/RelayMediaTests\\.(?!MemoryTests)}"
