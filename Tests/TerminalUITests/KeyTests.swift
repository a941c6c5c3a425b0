import Testing
import TerminalUI

@Suite("Key names")
struct KeyTests {
    static let allKinds: [Key] = [
        .character("a"), .character("A"), .character("/"), .character("-"), .character(" "), .character("é"),
        .enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end,
        .pageUp, .pageDown, .ctrl("c"), .ctrl("x"), .ctrl("\\"), .function(1), .function(12), .resize, .unknown,
    ]

    @Test("Every key's name gives the key back", arguments: allKinds)
    func roundTrip(key: Key) {
        #expect(Key(name: key.name) == key)
    }

    @Test("Names are the ones a harness script uses", arguments: [
        (Key.enter, "enter"), (.escape, "esc"), (.up, "up"), (.ctrl("c"), "ctrl-c"), (.character("a"), "a"),
        (.character(" "), "space"), (.backTab, "shift-tab"), (.pageDown, "pagedown"), (.function(5), "f5"),
    ])
    func names(key: Key, name: String) {
        #expect(key.name == name)
    }

    @Test("Aliases and case-insensitive multi-letter names", arguments: [
        ("Escape", Key.escape), ("RETURN", .enter), ("^C", .ctrl("c")), ("c-x", .ctrl("x")), ("Ctrl-A", .ctrl("a")),
        ("pgup", .pageUp), ("del", .delete), ("F10", .function(10)),
    ])
    func aliases(name: String, key: Key) {
        #expect(Key(name: name) == key)
    }

    @Test("A single character keeps its case")
    func singleCharacterCase() {
        #expect(Key(name: "Q") == .character("Q"))
        #expect(Key(name: "q") == .character("q"))
    }

    @Test("Unknown names are refused", arguments: ["", "enterr", "ctrl-", "ctrl-ab", "f0", "fx", "shift"])
    func unknownNames(name: String) {
        #expect(Key(name: name) == nil)
    }

    @Test("A sequence of names parses in order, or names the first bad one")
    func sequence() throws {
        let keys = try Key.sequence("down down  enter ctrl-c")
        #expect(keys == [.down, .down, .enter, .ctrl("c")])
        #expect(throws: UnknownKeyName(name: "dwn")) { try Key.sequence("up dwn x") }
    }
}

@Suite("Escape sequences curses passes through")
struct EscapeSequenceTests {
    @Test("Home, End and friends under TERM=xterm-256color in tmux", arguments: [
        ("[1~", Key.home), ("[4~", .end), ("OH", .home), ("OF", .end), ("[H", .home), ("[F", .end),
        ("[5~", .pageUp), ("[6~", .pageDown), ("[3~", .delete), ("[A", .up), ("OB", .down), ("[Z", .backTab),
        ("OP", .function(1)), ("[99~", .unknown), ("[2~", .unknown),
    ])
    func sequence(_ rest: String, _ key: Key) {
        #expect(Key.escapeSequenceIsComplete(rest))
        #expect(Key.fromEscapeSequence(rest) == key)
    }

    @Test("a sequence is complete at its final byte, not before")
    func completeness() {
        #expect(!Key.escapeSequenceIsComplete("["))
        #expect(!Key.escapeSequenceIsComplete("[1"))
        #expect(!Key.escapeSequenceIsComplete("O"))
        #expect(Key.escapeSequenceIsComplete("[1~"))
    }
}
