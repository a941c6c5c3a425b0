import Foundation

/// Runs a blocking job over items on a few plain threads, not the dispatch pool: each job blocks
/// on its download, and blocked pool threads make libdispatch on Linux add more only after a
/// second's wait (requests then went out a second apart).
enum ParallelWork {
    /// `job` for every item, at most `parallel` at once; the results in the items' order.
    static func map<Item: Sendable, Output: Sendable>(_ items: [Item], parallel: Int, _ job: @escaping @Sendable (Item) -> Output) -> [Output] {
        guard !items.isEmpty else { return [] }
        let results = Slots<Output>(count: items.count)
        let next = Counter()
        let finished = DispatchGroup()
        for _ in 0..<min(max(1, parallel), items.count) {
            finished.enter()
            Thread {
                while case let i = next.take(), i < items.count {
                    results.set(i, job(items[i]))
                }
                finished.leave()
            }.start()
        }
        finished.wait()
        return results.values()
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value - 1 }
    }

    private final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: T) { lock.lock(); slots[i] = value; lock.unlock() }
        func values() -> [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
    }
}

/// Files done of a total and bytes fetched, counted from several download threads at once.
final class DownloadTally<Progress: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    let total: Int
    private var bytes: Int
    /// The update's own progress value from (files done, files in all, bytes).
    private let report: @Sendable (_ done: Int, _ total: Int, _ bytes: Int) -> Progress

    init(total: Int, bytes: Int, report: @escaping @Sendable (_ done: Int, _ total: Int, _ bytes: Int) -> Progress) {
        self.total = total
        self.bytes = bytes
        self.report = report
    }

    func add(bytes n: Int) { lock.lock(); bytes += n; lock.unlock() }

    /// One more file done; the counts after it.
    func finishOne() -> Progress { lock.lock(); done += 1; let (d, b) = (done, bytes); lock.unlock(); return report(d, total, b) }

    func snapshot() -> Progress { lock.lock(); let (d, b) = (done, bytes); lock.unlock(); return report(d, total, b) }
}
