import JumpStartCore
import JumpStartWizard
import Testing
import TerminalUI

/// Every screen as text at 80×24 and 160×48, compared exactly with Snapshots/<name>.txt.
/// Record on purpose with RECORD_SNAPSHOTS=1 (that run fails), then read the diff.
@Suite("Screens")
struct SnapshotTests {
    struct Screen: Sendable, CustomStringConvertible {
        var name: String
        var start: StartingAnswers
        var keys: [String]
        var description: String { name }
    }

    static let model = "huggingface-llm-mistral-7b-instruct@3.5.0"
    static let screens: [Screen] = [
        Screen(name: "model-list", start: StartingAnswers(), keys: []),
        Screen(name: "model-filtered", start: StartingAnswers(), keys: ["l", "l", "a", "m", "a", "space", "3", "space", "8", "b"]),
        Screen(name: "model-no-match", start: StartingAnswers(), keys: ["z", "z", "z", "z"]),
        Screen(name: "model-refused", start: StartingAnswers(), keys: ["/", "m", "i", "s", "t", "r", "a", "l", "-", "7", "b", "-", "i", "n", "s", "t", "r", "u", "c", "t", "enter", "enter"]),
        Screen(name: "instance", start: StartingAnswers(model: model), keys: []),
        Screen(name: "instance-package", start: StartingAnswers(model: "meta-textgeneration-llama-2-7b-f@2.0.2"), keys: ["s"]),
        Screen(name: "count", start: StartingAnswers(model: model), keys: ["enter", "+"]),
        Screen(name: "environment", start: StartingAnswers(model: model), keys: ["enter", "enter"]),
        Screen(name: "environment-editor", start: StartingAnswers(model: model), keys: ["enter", "enter", "a", "M", "Y", "_", "F", "L", "A", "G", "tab", "o", "n"]),
        Screen(name: "environment-package", start: StartingAnswers(model: "meta-textgeneration-llama-2-7b-f@2.0.2"), keys: ["enter", "enter"]),
        Screen(name: "options", start: StartingAnswers(model: model), keys: ["enter", "enter", "enter"]),
        Screen(name: "options-eula", start: StartingAnswers(model: "meta-textgeneration-llama-2-7b-f@4.3.0"), keys: ["enter", "enter", "enter", "ctrl-u", "b", "a", "d", "!", "enter"]),
        Screen(name: "review", start: StartingAnswers(model: model), keys: ["enter", "enter", "enter", "enter"]),
        Screen(name: "review-json", start: StartingAnswers(model: model), keys: ["enter", "enter", "enter", "enter", "t", "pagedown"]),
        Screen(name: "export", start: StartingAnswers(model: model), keys: ["enter", "enter", "enter", "enter", "enter"]),
        Screen(name: "help", start: StartingAnswers(model: model), keys: ["?"]),
        Screen(name: "region-picker", start: StartingAnswers(model: model), keys: ["r", "down"]),
        Screen(name: "confirm-quit", start: StartingAnswers(model: model), keys: ["q"]),
    ]

    @Test("each screen at 80×24 and 160×48", arguments: screens, [Size(width: 80, height: 24), Size(width: 160, height: 48)])
    func screen(_ screen: Screen, _ size: Size) throws {
        var p = Pilot(width: size.width, height: size.height, start: screen.start)
        for name in screen.keys {
            let key = try #require(Key(name: name))
            p.send(.keyPressed(key))
        }
        assertSnapshot(p.screen(), named: "\(screen.name)-\(size.width)x\(size.height)")
    }

    @Test("the export-done screen shows the deploy command")
    func exportDone() {
        for size in [Size(width: 80, height: 24), Size(width: 160, height: 48)] {
            var p = Pilot(width: size.width, height: size.height, start: StartingAnswers(model: Self.model))
            p.press("enter enter enter enter enter")
            p.send(.exportTargetChecked(path: p.state.exportPath.text, exists: false))
            p.send(.templateWritten(path: p.state.exportPath.text))
            assertSnapshot(p.screen(), named: "export-done-\(size.width)x\(size.height)")
        }
    }

    @Test("below 80×24 one message asks for a larger terminal", arguments: [Size(width: 79, height: 24), Size(width: 100, height: 10), Size(width: 20, height: 3), Size(width: 0, height: 0)])
    func tooSmall(_ size: Size) {
        let p = Pilot(width: size.width, height: size.height)
        let text = p.screen()
        if size.width >= 40 && size.height >= 3 {
            #expect(text.contains("Terminal too small: \(size.width)×\(size.height)."))
        }
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= size.width })
    }
}

extension Size: CustomTestStringConvertible {
    public var testDescription: String { "\(width)x\(height)" }
}
