public import Foundation

/// Analyses many files with at most `jobs` at a time; one failing file never stops the others.
public enum VideoBatchAnalyzer {
    /// The outcome for one file, in input order.
    public struct Item: Sendable {
        /// The file.
        public var file: URL
        /// Its analysis or why it failed.
        public var result: Result<VideoAnalysis, any Error>
    }

    /// Analyses `files`, calling `completed` as each file finishes (in completion order, on the caller's task)
    /// and returning every result in input order. Cancelling the calling task stops all jobs.
    public static func analyze(
        _ files: [URL], jobs: Int = 2, options: VideoAnalysisOptions = VideoAnalysisOptions(),
        progress: (@Sendable (VideoAnalysisProgress) -> Void)? = nil,
        completed: ((Int, Item) -> Void)? = nil
    ) async -> [Item] {
        var results = [Item?](repeating: nil, count: files.count)
        await withTaskGroup(of: (Int, Item).self) { group in
            var next = 0
            func start() {
                guard next < files.count else { return }
                let index = next, file = files[index]
                next += 1
                group.addTask {
                    do {
                        let analysis = try await VideoAnalyzer.analyze(file, options: options, progress: progress)
                        return (index, Item(file: file, result: .success(analysis)))
                    } catch {
                        return (index, Item(file: file, result: .failure(error)))
                    }
                }
            }
            for _ in 0..<max(1, jobs) { start() }
            while let (index, item) = await group.next() {
                results[index] = item
                completed?(index, item)
                start()
            }
        }
        return results.enumerated().map { i, item in
            item ?? Item(file: files[i], result: .failure(CancellationError()))
        }
    }
}
