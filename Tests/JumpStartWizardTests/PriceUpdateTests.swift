import Foundation
import JumpStartCore
import JumpStartWizard
import Testing
import TerminalUI

@Suite("The wizard's price update (u on the instance step) and honest price marks")
struct WizardPriceUpdateTests {
    static let model = "meta-textgeneration-llama-3-8b-instruct@2.2.0"

    /// Services pricing with the bundled table plus an updated Price List for eu-west-1.
    static func servicesWithUpdate() throws -> WizardServices {
        let updated = UpdatedPrices(regions: ["eu-west-1": UpdatedPrices.Region(
            region: "eu-west-1", offerVersion: "20261120000000", publicationDate: "2026-11-20T00:00:00Z",
            versionURL: "/offers/v1.0/aws/AmazonSageMaker/20261120000000/eu-west-1/index.json",
            prices: ["ml.g5.2xlarge": Money(decimal: "1.6968")!, "ml.g5.4xlarge": Money(decimal: "2.27")!,
                     "ml.g5.8xlarge": Money(decimal: "3.42")!, "ml.g6.2xlarge": Money(decimal: "1.23")!,
                     "ml.g6.12xlarge": Money(decimal: "5.67")!])])
        let data = projectRoot.appendingPathComponent("data")
        let book = try PriceBook.load(dataDirectory: data, userFile: nil, updatedFile: nil, today: testToday)
        let withUpdate = PriceBook(bundled: book.bundledPrices, updated: updated, user: [], userFile: nil, hardware: book.hardware, today: testToday)
        return try WizardServices.live(catalog: services.catalog, prices: withUpdate)
    }

    @Test("in a region with 1 price of 10, no row is marked cheapest and the step says how many are unknown and that u fetches them")
    func fewPrices() {
        let p = Pilot(region: "eu-west-1", start: StartingAnswers(model: Self.model))
        #expect(p.state.step == .instance)
        #expect(!p.state.instanceRows.contains(where: { $0.isCheapest }))
        // Priced rows first, unknown rows after, labelled.
        #expect(p.state.instanceRows.first?.instanceType == "ml.g5.12xlarge")
        #expect(p.state.instanceRows.dropFirst().allSatisfy { !$0.cost.known })
        let screen = p.screen()
        #expect(screen.contains("9 of 10 prices unknown: press u to fetch eu-west-1's from AWS"), "\(screen)")
        #expect(screen.contains("$7.91!"), "the 2023 invoice price is marked stale")
        let wide = Pilot(width: 120, height: 40, region: "eu-west-1", start: StartingAnswers(model: Self.model)).screen()
        #expect(wide.contains("u fetch prices"), "the footer offers the key: \(wide)")
    }

    @Test("u asks the runtime to update the region's prices; progress shows in the status line; the table is re-priced when it lands")
    func updateLands() throws {
        var p = Pilot(width: 120, height: 40, region: "eu-west-1", start: StartingAnswers(model: Self.model))
        p.press("u")
        #expect(p.effects == [.updatePrices(region: "eu-west-1")])
        p.send(.priceUpdateProgressed(region: "eu-west-1", progress: "1.2 MB"))
        #expect(p.screen().contains("Updating eu-west-1's prices from AWS's Price List… 1.2 MB"))
        // A second u while it runs starts nothing.
        p.press("u")
        #expect(p.effects == [.updatePrices(region: "eu-west-1")])
        // The app swaps in services that price with the update, then reports it.
        p.live = try Self.servicesWithUpdate()
        p.send(.pricesUpdated(region: "eu-west-1", summary: "Updated 5 prices in eu-west-1 from AWS's Price List (published 2026-11-20)."))
        #expect(p.state.priceUpdate == nil)
        let priced = p.state.instanceRows.filter(\.cost.known)
        #expect(priced.count == 6)
        let cheapest = try #require(p.state.instanceRows.first(where: { $0.isCheapest }))
        #expect(cheapest.instanceType == "ml.g6.2xlarge")
        let screen = p.screen()
        #expect(screen.contains("Updated 5 prices in eu-west-1"), "\(screen)")
        #expect(screen.contains("$ cheapest of 6 priced that deploy"), "\(screen)")
        #expect(screen.contains("4 of 10 prices unknown"), "\(screen)")
    }

    @Test("a failed update is an alert, and the wizard keeps working with the prices it had")
    func updateFails() {
        var p = Pilot(region: "eu-west-1", start: StartingAnswers(model: Self.model))
        let before = p.state.instanceRows
        p.press("u")
        p.send(.priceUpdateFailed(region: "eu-west-1", message: "could not connect (nothing listening, or a firewall)"))
        guard case .alert(let text)? = p.state.overlay else { Issue.record("expected an alert"); return }
        #expect(text.contains("The price update for eu-west-1 failed: could not connect"))
        #expect(p.state.instanceRows == before)
        p.press("enter down")
        #expect(p.state.overlay == nil && p.state.instanceSelection == 1)
    }

    @Test("the review says a cost is unknown and how to fill it")
    func reviewUnknown() {
        var p = Pilot(region: "eu-west-1", start: StartingAnswers(model: Self.model, instanceType: "ml.g5.2xlarge"))
        p.press("enter")
        #expect(p.state.step == .environment || p.state.step == .count)
        #expect(p.state.estimate?.known == false)
    }
}

@Suite("below 80×24")
struct TooSmallTests {
    @Test("q with unsaved answers asks first, as at full size; n stays, y quits")
    func quitAsks() {
        var p = Pilot(start: StartingAnswers(model: "huggingface-llm-mistral-7b-instruct@3.5.0"))
        p.send(.resized(Size(width: 60, height: 20)))
        p.press("q")
        #expect(!p.state.quitting && p.state.overlay == .confirmQuit)
        #expect(p.screen().contains("Quit without exporting?"))
        p.press("n")
        #expect(!p.state.quitting && p.state.overlay == nil)
        #expect(p.screen().contains("Terminal too small: 60×20."))
        p.press("q y")
        #expect(p.state.quitting && p.effects.last == .quit)
    }

    @Test("q with nothing to lose quits at once")
    func quitClean() {
        var p = Pilot()
        p.send(.resized(Size(width: 60, height: 20)))
        p.press("q")
        #expect(p.state.quitting)
    }
}
