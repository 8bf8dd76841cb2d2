import CPrefetch

extension PolygonIndex {
    /// Points looked up together: enough to keep many memory loads in flight, few enough that
    /// the prefetched lines are still cached when they are used.
    static let batchSize = 64

    /// Looks up many points given as interleaved x, y values and calls `body` with each point's
    /// position and answer, in input order. The answers equal ``lookup(_:_:)``'s; it is faster for
    /// scattered points because each block of points walks the index in stages (cell word, entry
    /// list, entries, edge lists, edge vertices), prefetching every point's next stage before
    /// using any, so the cache misses of a block overlap instead of queueing one after another.
    public func lookupAll(interleaved xy: UnsafeBufferPointer<Double>, _ body: (Int, Lookup) -> Void) {
        let count = xy.count / 2
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.batchSize) { positions in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.batchSize) { words in
                var blockStart = 0
                while blockStart < count {
                    let block = blockStart..<Swift.min(blockStart + Self.batchSize, count)
                    for i in block {
                        let position = cellPosition(xy[2 &* i], xy[2 &* i &+ 1]) ?? -1
                        positions[i - blockStart] = position
                        if position >= 0 { gridmap_prefetch(cells.baseAddress! + position) }
                    }
                    for i in block {
                        let position = positions[i - blockStart]
                        let word = position >= 0 ? cells[position] : 0
                        words[i - blockStart] = word
                        if let list = Self.entryList(word) { gridmap_prefetch(entryStarts.baseAddress! + list) }
                    }
                    for i in block {
                        if let list = Self.entryList(words[i - blockStart]) {
                            gridmap_prefetch(entries.baseAddress! + Int(entryStarts[list]))
                        }
                    }
                    for i in block {
                        forEachEdgedEntry(words[i - blockStart]) { entry in
                            gridmap_prefetch(rowEdges.baseAddress! + Int(entry.edgeStart))
                        }
                    }
                    for i in block {
                        forEachEdgedEntry(words[i - blockStart]) { entry in
                            let start = Int(entry.edgeStart)
                            for k in start..<(start + Int(entry.edgeCount)) {
                                gridmap_prefetch(vertices.baseAddress! + 2 &* Int(rowEdges[k]))
                            }
                        }
                    }
                    for i in block {
                        body(i, lookup(xy[2 &* i], xy[2 &* i &+ 1], cellWord: words[i - blockStart]))
                    }
                    blockStart = block.upperBound
                }
            }
        }
    }

    /// The entry list a cell word points to, or nil for an empty or interior cell.
    @inline(__always)
    private static func entryList(_ word: UInt32) -> Int? {
        word == 0 || word & interiorFlag != 0 ? nil : Int(word) - 1
    }

    /// Calls `body` with each of the cell's entries that has edges to test.
    @inline(__always)
    private func forEachEdgedEntry(_ word: UInt32, _ body: (Entry) -> Void) {
        guard let list = Self.entryList(word) else { return }
        for e in Int(entryStarts[list])..<Int(entryStarts[list + 1]) where entries[e].edgeCount != Self.interiorEdgeCount {
            body(entries[e])
        }
    }
}
