/// A binary min-heap of `(key, value)` pairs; ties broken by value, so the
/// order of removal depends only on the contents.
struct MinHeap<Key: Comparable> {
    private var items: [(key: Key, value: Int)] = []

    var isEmpty: Bool { items.isEmpty }
    var min: (key: Key, value: Int)? { items.first }

    private func less(_ a: Int, _ b: Int) -> Bool {
        (items[a].key, items[a].value) < (items[b].key, items[b].value)
    }

    /// - Complexity: O(log n).
    mutating func insert(_ key: Key, _ value: Int) {
        items.append((key, value))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// - Complexity: O(log n).
    mutating func popMin() -> (key: Key, value: Int)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count && less(left, smallest) { smallest = left }
            if right < items.count && less(right, smallest) { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
