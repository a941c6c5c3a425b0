import Foundation
import JumpStartCore
import JumpStartWizard
import Testing
import TerminalUI

@Suite("The Capacity step")
struct CapacityStepTests {
    /// On the Capacity step of mistral 7B instruct 3.5.0 on its default ml.g5.12xlarge ($7.09/h bundled).
    func atCapacity(width: Int = 80, height: Int = 24) -> Pilot {
        // Starting with an instance type opens on the Capacity step.
        Pilot(width: width, height: height, start: StartingAnswers(model: "huggingface-llm-mistral-7b-instruct@3.5.0", instanceType: "ml.g5.12xlarge"))
    }

    @Test("Space on Scaling switches to autoscaling; the minimum, maximum and target are checked as typed; the estimate is the range")
    func autoscaling() {
        var p = atCapacity()
        #expect(p.state.step == .count)
        p.press("up space")
        #expect(p.state.capacityAutoscaling)
        // Defaults from the fixed count 1: minimum 1, maximum 2, target 70.
        #expect(p.state.answers.capacity == Capacity(.autoscaling(min: 1, max: 2, targetInvocations: 70)))
        // 1 × $7.09 × 730 = $5,175.70 to 2 × = $10,351.40.
        #expect(p.state.estimate?.monthly == "$5,175.70–$10,351.40")
        #expect(p.screen().contains("1–2 × ml.g5.12xlar"))  // the header, cut at 80 columns
        // Maximum below the minimum: refused where typed, the answer kept as it was.
        p.press("down down backspace")
        p.type("0")
        #expect(p.state.capacityErrors[.maxCount] == "Maximum 0 is not allowed: the most instances must be a whole number from 1 to 1000.")
        p.press("backspace")
        p.type("4")
        #expect(p.state.capacityErrors.isEmpty)
        #expect(p.state.estimate?.monthly == "$5,175.70–$20,702.80")
        p.press("up backspace")
        p.type("5")
        #expect(p.state.capacityErrors[.maxCount] == "Maximum 4 is not allowed: it is below the minimum, 5; the most instances can't be fewer than the fewest.")
        p.press("enter")
        #expect(p.state.step == .count)  // refused until fixed
        #expect(p.state.capacityFocus == .maxCount)
        p.press("up backspace")
        p.type("2")
        #expect(p.state.answers.capacity == Capacity(.autoscaling(min: 2, max: 4, targetInvocations: 70)))
        p.press("enter")
        #expect(p.state.step == .environment)
    }

    @Test("working hours: the window and time zone take text, a wrong zone is named, and the template gets the schedule")
    func schedule() throws {
        var p = atCapacity(width: 160, height: 48)
        p.press("+")  // 2 instances
        p.press("down space")
        #expect(p.state.capacityScheduled)
        // 2 × 260.714 h + 1 × 469.286 h = 990.714 instance-hours × $7.09 = $7,024.16.
        #expect(p.state.estimate?.monthly == "$7,024.16")
        p.press("down down")
        #expect(p.state.capacityFocus == .timeZone)
        p.press("ctrl-u")
        p.type("Europe/Berln")
        #expect(p.state.capacityErrors[.timeZone]?.hasPrefix("Time zone Europe/Berln is not allowed: it is not an IANA time zone name (did you mean Europe/Berlin") == true)
        p.press("backspace backspace")
        p.type("lin")
        #expect(p.state.capacityErrors.isEmpty)
        #expect(p.state.answers.capacity.schedule?.timeZone == "Europe/Berlin")
        assertSnapshot(p.screen(), named: "capacity-schedule-160x48")
        let r = try services.templates.render(p.state.answers).get()
        #expect(r.yaml.contains("Timezone: Europe/Berlin"))
        #expect(r.exportCommand.contains("--count 2 --schedule 'Mon-Fri 08:00-20:00' --timezone Europe/Berlin"), "\(r.exportCommand)")
    }

    @Test("the step at 80×24 with autoscaling and working hours on")
    func screen() {
        var p = atCapacity()
        p.press("up space down down down down space")
        assertSnapshot(p.screen(), named: "capacity-autoscaling-schedule-80x24")
    }
}

@Suite("The reducer reads no files")
struct EntryEffectTests {
    @Test("Enter on a model asks the runtime for its entry; the step moves only when the entry arrives, and a late one for another model is ignored")
    func loadEntryEffect() throws {
        var (state, _) = Wizard.start(StartingAnswers(), region: "us-east-1", size: Size(width: 80, height: 24), services: services, load: Pilot.loader(services))
        for c in "mistral 7b instruct" { _ = Wizard.reduce(&state, .keyPressed(.character(c)), services) }
        let effects = Wizard.reduce(&state, .keyPressed(.enter), services)
        _ = Wizard.reduce(&state, .keyPressed(.enter), services)  // the first Enter leaves the filter
        let asked = effects + Wizard.reduce(&state, .keyPressed(.enter), services)
        guard case .loadEntry(let summary)? = asked.last else { Issue.record("no loadEntry in \(asked)"); return }
        #expect(state.step == .model && state.entry == nil)
        // An answer for another model changes nothing.
        let other = try services.catalog.summary(reference: "huggingface-llm-mistral-7b-instruct@3.5.0")
        if other.reference != summary.reference {
            _ = Wizard.reduce(&state, .entryLoaded(other, .success(try services.catalog.entry(other))), services)
            #expect(state.step == .model && state.entry == nil)
        }
        _ = Wizard.reduce(&state, .entryLoaded(summary, .failure(.damaged(file: "catalog/x", line: 1, reason: "test"))), services)
        #expect(state.step == .model)
        #expect(state.overlay == .alert("The bundled data file catalog/x line 1 is damaged: test. Regenerate data/ with `make data` or restore it from git."))
    }
}
