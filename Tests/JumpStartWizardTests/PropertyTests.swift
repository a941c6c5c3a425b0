import JumpStartCore
import JumpStartWizard
import Testing
import TerminalUI

/// Long random key sequences never crash the wizard and keep its state consistent.
@Suite("Random use")
struct PropertyTests {
    /// A small seeded generator (SplitMix64) so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let keys: [Key] = [
        .up, .down, .up, .down, .enter, .enter, .escape, .tab, .backTab, .backspace, .delete, .left, .right,
        .home, .end, .pageUp, .pageDown, .character("j"), .character("k"), .character("/"), .character("a"),
        .character("e"), .character("d"), .character("s"), .character("t"), .character("r"), .character("?"),
        .character("+"), .character("-"), .character(" "), .character("1"), .character("2"), .character("0"),
        .character("l"), .character("m"), .character("x"), .character("_"), .character("y"), .character("n"),
        .character("!"), .ctrl("u"), .ctrl("r"), .function(1),
        // What the Capacity step's window and time zone take.
        .character("8"), .character(":"), .character("M"), .character("F"), .character("E"), .character("U"), .character("T"), .character("C"),
    ]

    @Test("100,000 seeded events keep the state consistent", arguments: [1, 2, 3, 4])
    func randomWalk(_ seed: UInt64) throws {
        var rng = SplitMix(state: seed)
        var p = Pilot(width: 80, height: 24)
        for i in 0..<25_000 {
            let roll = Int.random(in: 0..<100, using: &rng)
            let action: Action
            if roll < 2 {
                action = .resized(Size(width: Int.random(in: 60...200, using: &rng), height: Int.random(in: 16...60, using: &rng)))
            } else if roll < 3, p.state.step == .export {
                action = .exportTargetChecked(path: "x.yaml", exists: Bool.random(using: &rng))
            } else {
                action = .keyPressed(Self.keys.randomElement(using: &rng)!)
            }
            p.send(action)
            if p.state.quitting || p.state.overlay == .confirmQuit {
                // Keep going: dismiss and carry on as a person would.
                p.state.quitting = false
                p.state.overlay = nil
            }
            try check(p.state, seed: seed, event: i)
            if i % 5_000 == 0 { _ = p.screen() }
        }
    }

    func check(_ s: WizardState, seed: UInt64, event: Int) throws {
        let context = "seed \(seed), event \(event)"
        #expect(s.matches.isEmpty ? s.modelSelection == 0 : s.matches.indices.contains(s.modelSelection), "\(context)")
        #expect(s.instanceRows.isEmpty ? s.instanceSelection == 0 : s.instanceRows.indices.contains(s.instanceSelection), "\(context)")
        #expect((1...Wizard.maximumCount).contains(s.answers.instanceCount), "\(context)")
        // Only a capacity that meets every rule becomes the answer, however it was typed.
        #expect(CapacityRules.check(s.answers.capacity, instanceType: s.answers.chosenType.isEmpty ? nil : s.answers.chosenType) == nil, "\(context)")
        if s.answers.chosenType.isEmpty {
            #expect(s.estimate == nil, "\(context)")
        } else {
            #expect(s.estimate == services.pricing.estimate(s.answers.region, s.answers.chosenType, s.answers.capacity), "\(context)")
            #expect(s.entry?.instanceTypes.contains(s.answers.chosenType) == true, "\(context)")
        }
        #expect(s.step <= s.reached, "\(context)")
        if s.step > .model { #expect(s.entry != nil, "\(context)") }
        if s.step > .instance { #expect(!s.answers.chosenType.isEmpty, "\(context)") }
        if s.entry?.isModelPackage == true { #expect(s.answers.environment.isEmpty, "\(context)") }
    }
}
