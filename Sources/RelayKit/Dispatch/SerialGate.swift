/// Lets one command of a subsystem run at a time, with a bounded wait so a stuck command cannot hang later callers.
actor SerialGate {
    private var busy = false
    private var waiters: [(id: Int, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextID = 0

    /// Waits for the gate; false when `timeout` passed first (the gate is then not held).
    func acquire(timeout: Duration) async -> Bool {
        if !busy { busy = true; return true }
        let id = nextID
        nextID += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        let acquired = await withCheckedContinuation { continuation in
            waiters.append((id, continuation))
        }
        timer.cancel()
        return acquired
    }

    /// Hands the gate to the next waiter or frees it.
    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().continuation.resume(returning: true) }
    }

    private func expire(_ id: Int) {
        if let i = waiters.firstIndex(where: { $0.id == id }) {
            waiters.remove(at: i).continuation.resume(returning: false)
        }
    }
}
