/// Runs `transform` over items, at most `jobs` at a time, and hands each output to `consume`
/// in the items' order. Outputs that finish early wait in a window of at most `4 * jobs`, so
/// memory stays bounded however many items there are.
func orderedForEach<Item: Sendable, Output: Sendable>(
  _ items: [Item], jobs: Int, transform: @escaping @Sendable (Item) -> Output,
  consume: (Output) -> Void
) async {
  let window = max(1, jobs) * 4
  await withTaskGroup(of: (Int, Output).self) { group in
    var waiting: [Int: Output] = [:]
    var next = 0
    var nextToConsume = 0
    var running = 0
    func refill() {
      while next < items.count, running < max(1, jobs), next - nextToConsume < window {
        let index = next
        let item = items[index]
        group.addTask { (index, transform(item)) }
        next += 1
        running += 1
      }
    }
    refill()
    while let (index, output) = await group.next() {
      running -= 1
      waiting[index] = output
      while let ready = waiting.removeValue(forKey: nextToConsume) {
        consume(ready)
        nextToConsume += 1
      }
      refill()
    }
  }
}

/// Maps over items with at most `jobs` transforms running at once; results keep the items' order.
func concurrentMap<Item: Sendable, Output: Sendable>(
  _ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Output
) async -> [Output] {
  await withTaskGroup(of: (Int, Output).self) { group in
    var results = [Output?](repeating: nil, count: items.count)
    var next = 0
    while next < items.count && next < jobs {
      let index = next
      group.addTask { (index, transform(items[index])) }
      next += 1
    }
    while let (index, output) = await group.next() {
      results[index] = output
      if next < items.count {
        let index = next
        group.addTask { (index, transform(items[index])) }
        next += 1
      }
    }
    return results.compactMap { $0 }
  }
}
