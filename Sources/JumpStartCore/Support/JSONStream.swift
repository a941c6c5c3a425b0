import Foundation

/// A small JSON value: what `JSONStream.readValue()` builds for one product or one term of a
/// price list, never for a whole file.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// The number's text as written (`1.5150000000`), so no precision is lost on the way.
    case number(String)
    case bool(Bool)
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(x), .array(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    /// The member named `key` of an object (the first one, if a file repeats a key).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.0 == key })?.1
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var members: [(String, JSONValue)]? {
        if case .object(let m) = self { return m }
        return nil
    }
}

/// A pull parser over JSON bytes that arrive in chunks: the caller walks the document key by key
/// and element by element, builds small values where it needs them, and skips the rest without
/// building anything. Memory stays at one chunk plus the value being read, however big the file.
public struct JSONStream {
    /// Why the bytes are not JSON: what was expected, at which byte.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        /// The input ended inside the document (a cut-off download, a truncated file).
        public var truncated: Bool

        public var description: String {
            truncated ? "it ends in the middle (truncated at byte \(offset))" : "it is not valid JSON at byte \(offset): \(reason)"
        }
    }

    /// Gives the next chunk of bytes, or an empty array at the end.
    public typealias Refill = () throws -> [UInt8]

    private var buffer: [UInt8]
    private var position = 0
    /// Bytes consumed before `buffer`.
    private var consumedBefore = 0
    private var atEnd = false
    private let refill: Refill?

    /// Reads from bytes already in memory.
    public init(bytes: [UInt8]) {
        buffer = bytes
        refill = nil
        atEnd = true
    }

    /// Reads chunk by chunk from `refill`.
    public init(refill: @escaping Refill) {
        buffer = []
        self.refill = refill
    }

    /// Reads a file in chunks of `chunkSize` bytes; `progress` is told the bytes read so far.
    public static func file(_ handle: FileHandle, chunkSize: Int = 1 << 20, progress: ((Int) -> Void)? = nil) -> JSONStream {
        var total = 0
        return JSONStream {
            let data = try handle.read(upToCount: chunkSize) ?? Data()
            total += data.count
            progress?(total)
            return [UInt8](data)
        }
    }

    /// Bytes consumed so far.
    public var offset: Int { consumedBefore + position }

    // MARK: - Bytes

    @inline(__always)
    private mutating func peekByte() throws(Failure) -> UInt8? {
        if position < buffer.count { return buffer[position] }
        return try refilled()
    }

    private mutating func refilled() throws(Failure) -> UInt8? {
        while position >= buffer.count {
            if atEnd { return nil }
            guard let refill else { atEnd = true; return nil }
            let next: [UInt8]
            do { next = try refill() } catch {
                throw Failure(offset: offset, reason: "the input could not be read (\(error))", truncated: false)
            }
            consumedBefore += buffer.count
            buffer = next
            position = 0
            if next.isEmpty { atEnd = true; return nil }
        }
        return buffer[position]
    }

    @inline(__always)
    private mutating func nextByte() throws(Failure) -> UInt8 {
        guard let b = try peekByte() else { throw Failure(offset: offset, reason: "unexpected end", truncated: true) }
        position += 1
        return b
    }

    private func fail(_ reason: String) -> Failure { Failure(offset: offset, reason: reason, truncated: false) }

    private mutating func skipSpace() throws(Failure) {
        while let b = try peekByte(), b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { position += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        try skipSpace()
        let b = try nextByte()
        guard b == byte else { position -= 1; throw fail("expected \(what)") }
    }

    // MARK: - Walking

    /// Consumes the `{` that opens an object.
    public mutating func beginObject() throws(Failure) {
        try skipSpace()
        if position == 0, consumedBefore == 0, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3; try skipSpace() }
        try expect(UInt8(ascii: "{"), "an object")
        pendingFirst = true
    }

    /// Consumes the `[` that opens an array.
    public mutating func beginArray() throws(Failure) {
        try expect(UInt8(ascii: "["), "an array")
        pendingFirst = true
    }

    /// Whether the next member or element is the first of its container; set by `begin…`.
    private var pendingFirst = false

    /// The next key of the object being walked and consumes its `:`; nil at the closing `}`.
    public mutating func nextKey() throws(Failure) -> String? {
        guard try nextSlot(closing: UInt8(ascii: "}"), what: "members") else { return nil }
        try skipSpace()
        guard try peekByte() == UInt8(ascii: "\"") else {
            if try peekByte() == nil { throw Failure(offset: offset, reason: "unexpected end", truncated: true) }
            throw fail("expected a member name in quotes")
        }
        let key = try readStringToken()
        try expect(UInt8(ascii: ":"), ": after a member name")
        return key
    }

    /// Whether the array being walked has another element (consuming the `,` before it); false at `]`.
    public mutating func nextElement() throws(Failure) -> Bool {
        try nextSlot(closing: UInt8(ascii: "]"), what: "elements")
    }

    /// Whether the container being walked has another member or element: consumes the closing
    /// bracket (false), or the `,` before any but the first (true).
    private mutating func nextSlot(closing: UInt8, what: String) throws(Failure) -> Bool {
        try skipSpace()
        let first = pendingFirst
        pendingFirst = false
        guard let b = try peekByte() else { throw Failure(offset: offset, reason: "unexpected end", truncated: true) }
        if b == closing { position += 1; return false }
        if !first {
            guard b == UInt8(ascii: ",") else { throw fail("expected , or \(Character(Unicode.Scalar(closing))) between \(what)") }
            position += 1
        }
        return true
    }

    /// What kind of value comes next, without consuming it.
    public enum Kind: Sendable, Equatable { case object, array, string, number, bool, null }

    public mutating func peekKind() throws(Failure) -> Kind {
        try skipSpace()
        guard let b = try peekByte() else { throw Failure(offset: offset, reason: "unexpected end", truncated: true) }
        switch b {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw fail("expected a value")
        }
    }

    /// A string value.
    public mutating func readString() throws(Failure) -> String {
        guard try peekKind() == .string else { throw fail("expected a string") }
        return try readStringToken()
    }

    /// The next value, built in memory: for small values only.
    public mutating func readValue(depth: Int = 0) throws(Failure) -> JSONValue {
        guard depth < 64 else { throw fail("values nested more than 64 deep") }
        switch try peekKind() {
        case .object:
            position += 1
            pendingFirst = true
            var members: [(String, JSONValue)] = []
            while let key = try nextKey() { members.append((key, try readValue(depth: depth + 1))) }
            return .object(members)
        case .array:
            position += 1
            pendingFirst = true
            var items: [JSONValue] = []
            while try nextElement() { items.append(try readValue(depth: depth + 1)) }
            return .array(items)
        case .string:
            return .string(try readStringToken())
        case .number:
            return .number(try readNumberToken())
        case .bool:
            if try readLiteral("true") { return .bool(true) }
            _ = try readLiteral("false")
            return .bool(false)
        case .null:
            _ = try readLiteral("null")
            return .null
        }
    }

    /// Consumes the next value without building it.
    public mutating func skipValue() throws(Failure) {
        switch try peekKind() {
        case .string: try skipStringToken()
        case .number: _ = try readNumberToken()
        case .bool: if !(try readLiteral("true")) { _ = try readLiteral("false") }
        case .null: _ = try readLiteral("null")
        case .object, .array:
            // Depth counting; strings are skipped whole so brackets inside them don't count.
            var depth = 0
            repeat {
                try skipSpace()
                let b = try nextByte()
                switch b {
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: "\""): position -= 1; try skipStringToken()
                default: break
                }
            } while depth > 0
        }
    }

    /// Throws unless only white space is left.
    public mutating func expectEnd() throws(Failure) {
        try skipSpace()
        if try peekByte() != nil { throw fail("more after the end of the document") }
    }

    // MARK: - Tokens

    private mutating func readLiteral(_ word: StaticString) throws(Failure) -> Bool {
        try skipSpace()
        let start = position
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard let first = try peekByte(), first == bytes[0] else { return false }
        for expected in bytes {
            let b = try nextByte()
            guard b == expected else { position = max(start, position - 1); throw fail("expected \(word)") }
        }
        return true
    }

    private mutating func readNumberToken() throws(Failure) -> String {
        try skipSpace()
        var text: [UInt8] = []
        while let b = try peekByte() {
            let isNumberByte = (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
            guard isNumberByte else { break }
            text.append(b)
            position += 1
            guard text.count <= 64 else { throw fail("a number longer than 64 characters") }
        }
        let s = String(decoding: text, as: UTF8.self)
        guard Self.isJSONNumber(text) else { throw fail("\"\(s)\" is not a number") }
        return s
    }

    /// RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    static func isJSONNumber(_ t: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let s = i
            while i < t.count, t[i] >= 0x30, t[i] <= 0x39 { i += 1 }
            return i - s
        }
        if i < t.count, t[i] == UInt8(ascii: "-") { i += 1 }
        guard i < t.count else { return false }
        if t[i] == 0x30 { i += 1 } else if digits() == 0 { return false }
        if i < t.count, t[i] == UInt8(ascii: ".") { i += 1; if digits() == 0 { return false } }
        if i < t.count, t[i] == UInt8(ascii: "e") || t[i] == UInt8(ascii: "E") {
            i += 1
            if i < t.count, t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == t.count
    }

    private mutating func skipStringToken() throws(Failure) {
        guard try nextByte() == UInt8(ascii: "\"") else { position -= 1; throw fail("expected a string") }
        while true {
            let b = try nextByte()
            if b == UInt8(ascii: "\"") { return }
            if b == UInt8(ascii: "\\") { _ = try nextByte(); continue }
            if b < 0x20 { throw fail("a control character inside a string") }
        }
    }

    private mutating func readStringToken() throws(Failure) -> String {
        guard try nextByte() == UInt8(ascii: "\"") else { position -= 1; throw fail("expected a string") }
        var out: [UInt8] = []
        while true {
            // Fast path: copy the run of plain bytes in the current chunk.
            let start = position
            while position < buffer.count {
                let b = buffer[position]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
                position += 1
            }
            if position > start { out.append(contentsOf: buffer[start..<position]) }
            let b = try nextByte()
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { position -= 1; throw fail("a control character inside a string") }
            if b != UInt8(ascii: "\\") { out.append(b); continue }
            let e = try nextByte()
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try readHex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard try nextByte() == UInt8(ascii: "\\"), try nextByte() == UInt8(ascii: "u") else {
                        throw fail("a lone UTF-16 surrogate in a string")
                    }
                    let low = try readHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone UTF-16 surrogate in a string") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("a lone UTF-16 surrogate in a string")
                }
                guard let u = Unicode.Scalar(scalar) else { throw fail("an invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw fail("an invalid escape \\\(Character(Unicode.Scalar(e)))")
            }
            guard out.count <= 1 << 20 else { throw fail("a string longer than 1 MiB") }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = try nextByte()
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail("an invalid \\u escape")
            }
            v = v * 16 + d
        }
        return v
    }
}
