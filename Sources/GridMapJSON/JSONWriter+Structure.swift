import NIOCore

extension JSONWriter {
    /// `{…}`: `body` writes the members with ``key(_:)``, which puts the commas.
    @inlinable public mutating func object(_ body: (inout JSONWriter) -> Void) {
        raw("{")
        body(&self)
        raw("}")
    }

    /// `"name":` — after a comma unless it starts its object. The value follows.
    @inlinable public mutating func key(_ name: StaticString) {
        if !atContainerStart { raw(",") }
        storage.writeInteger(UInt8(ascii: "\""))
        raw(name)
        raw("\":")
    }

    /// `"name":` for a key known only at run time (escaped as any string).
    @inlinable public mutating func key(dynamic name: String) {
        if !atContainerStart { raw(",") }
        string(name)
        raw(":")
    }

    /// `[…]` of `items`, each written by `body`, with the commas between them.
    @inlinable public mutating func array<Items: Sequence>(_ items: Items, _ body: (inout JSONWriter, Items.Element) throws -> Void) rethrows {
        raw("[")
        var first = true
        for item in items {
            if !first { raw(",") }
            first = false
            try body(&self, item)
        }
        raw("]")
    }

    /// `[…]` of string literals.
    @inlinable public mutating func array(_ strings: [String]) { array(strings) { $0.string($1) } }

    /// Whether the last byte written opens an object or an array (a member there needs no comma).
    @inlinable var atContainerStart: Bool {
        guard storage.writerIndex > 0, let last = storage.getInteger(at: storage.writerIndex - 1, as: UInt8.self) else { return true }
        return last == UInt8(ascii: "{") || last == UInt8(ascii: "[")
    }

    /// What `write` writes, as text: for records a store keeps and for the command line.
    public static func text(capacity: Int = 1024, _ write: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter(capacity: capacity)
        write(&json)
        return String(buffer: json.buffer)
    }
}
