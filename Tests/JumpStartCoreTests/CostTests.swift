import Foundation
import Testing
@testable import JumpStartCore

/// The bundled prices without any user file.
let bundledPrices: PriceBook = {
    do { return try PriceBook.load(dataDirectory: projectRoot.appendingPathComponent("data"), userFile: nil) } catch {
        fatalError("the bundled prices do not load: \(error)")
    }
}()

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("jst-cost-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("money, hours and the cost engine")
struct CostTests {
    @Test("the reference construct's README: one ml.c4.2xlarge in us-east-1 at 720 h a month is $344.16")
    func referenceFigure() throws {
        let e = try bundledPrices.costEstimate(region: "us-east-1", instanceType: "ml.c4.2xlarge", count: 1,
                                               hoursPerMonth: HoursPerMonth(720))
        #expect(e.known)
        #expect(e.monthly?.formatted == "$344.16")
        #expect(e.monthly == Money(micros: 344_160_000))
        #expect(e.origin == .bundled)
    }

    @Test("two ml.g5.2xlarge in us-east-1 at 730 h cost $2,211.90 a month")
    func twoG5() throws {
        let e = try bundledPrices.costEstimate(region: "us-east-1", instanceType: "ml.g5.2xlarge", count: 2)
        #expect(e.hoursPerMonth == .standard)
        #expect(e.unitHourly?.formattedPrecise == "$1.515")
        #expect(e.hourly?.formattedPrecise == "$3.03")
        #expect(e.daily?.formatted == "$72.72")
        #expect(e.monthly?.formatted == "$2,211.90")
        #expect(e.yearly?.formatted == "$26,542.80")
        #expect(e.asOf == "2025-01-26")
        #expect(e.source?.contains("foundation-model-benchmarking-tool") == true)
    }

    @Test("a price the tables don't have is unknown with its reason, never zero")
    func unknownStaysUnknown() throws {
        let e = try bundledPrices.costEstimate(region: "us-east-1", instanceType: "ml.g6.xlarge", count: 3)
        #expect(!e.known)
        #expect(e.unitHourly == nil && e.hourly == nil && e.daily == nil && e.monthly == nil && e.yearly == nil)
        #expect(e.source == nil && e.asOf == nil)
        #expect(e.reason == "no price for ml.g6.xlarge in us-east-1")
        // Another region's or another size's price is not borrowed.
        #expect(try !bundledPrices.costEstimate(region: "eu-west-1", instanceType: "ml.g5.2xlarge").known)
    }

    @Test("money is formatted as USD with thousands separators, rounded half up to the cent",
          arguments: [
            (Int64(0), "$0.00", "$0.00"), (344_160_000, "$344.16", "$344.16"), (1_515_000, "$1.52", "$1.515"),
            (736_400, "$0.74", "$0.7364"), (2_211_900_000, "$2,211.90", "$2,211.90"),
            (1_234_567_890_000, "$1,234,567.89", "$1,234,567.89"), (999_995_000, "$1,000.00", "$999.995"),
            (4_999, "$0.00", "$0.004999"),
          ])
    func formatting(micros: Int64, cents: String, precise: String) {
        #expect(Money(micros: micros).formatted == cents)
        #expect(Money(micros: micros).formattedPrecise == precise)
    }

    @Test("prices parse as exact decimals; anything else is refused",
          arguments: [("1.515", Int64(1_515_000)), ("1.2120000000", 1_212_000), ("0.7364", 736_400), ("113.068", 113_068_000), ("20", 20_000_000)])
    func parsesPrices(text: String, micros: Int64) {
        #expect(Money(decimal: text) == Money(micros: micros))
    }

    @Test("malformed prices are refused", arguments: ["", "-1", "1e3", "1.", ".5", "0.0000001", "abc", "1,5", " 1"])
    func refusesPrices(text: String) {
        #expect(Money(decimal: text) == nil)
    }

    @Test("hours per month: more than 0 and at most 744", arguments: ["0", "800", "744.001", "-1", "abc", "", "0.0", "730.0001"])
    func refusesHours(text: String) {
        #expect(throws: PricingError.invalidHoursPerMonth(text)) { try HoursPerMonth(parsing: text) }
    }

    @Test("fractional hours are exact", arguments: [("744", "744"), ("720.5", "720.5"), ("0.001", "0.001"), ("730.000", "730")])
    func acceptsHours(text: String, shown: String) throws {
        #expect(try HoursPerMonth(parsing: text).description == shown)
    }

    @Test("half a month at a fractional hour count is right to the cent")
    func fractionalHours() throws {
        let e = try bundledPrices.costEstimate(region: "us-east-1", instanceType: "ml.c4.2xlarge", hoursPerMonth: HoursPerMonth(parsing: "365.5"))
        #expect(e.monthly?.formatted == "$174.71")  // 0.478 × 365.5 = 174.709
    }

    @Test("an instance count below 1 or above 1000 is refused", arguments: [0, -2, 1_001])
    func refusesCount(count: Int) {
        #expect(throws: PricingError.invalidCount(count)) {
            try bundledPrices.costEstimate(region: "us-east-1", instanceType: "ml.g5.2xlarge", count: count)
        }
    }

    @Test("the user's prices win cell by cell, and each figure says which table it came from")
    func userOverlay() throws {
        let dir = try temporaryFolder()
        let file = dir.appendingPathComponent("prices.csv")
        try """
        region,instance_type,usd_per_hour,source,as_of
        us-east-1,ml.g5.2xlarge,1.2,my invoice,2026-11-01
        ap-south-1,ml.g5.2xlarge,1.669,my invoice,2026-11-01

        """.write(to: file, atomically: true, encoding: .utf8)
        let book = try PriceBook.load(dataDirectory: projectRoot.appendingPathComponent("data"), userFile: file)
        let mine = try book.costEstimate(region: "us-east-1", instanceType: "ml.g5.2xlarge")
        #expect(mine.origin == .user && mine.unitHourly == Money(micros: 1_200_000) && mine.source == "my invoice")
        #expect(mine.monthly?.formatted == "$876.00")
        let bundled = try book.costEstimate(region: "us-east-1", instanceType: "ml.g5.4xlarge")
        #expect(bundled.origin == .bundled && bundled.unitHourly == Money(micros: 2_030_000))
        #expect(try book.costEstimate(region: "ap-south-1", instanceType: "ml.g5.2xlarge").origin == .user)
        #expect(book.quotesInUse.count == bundledPrices.quotesInUse.count + 1)
    }

    @Test("a damaged user price file is an error naming the file and the line")
    func damagedUserFile() throws {
        let file = try temporaryFolder().appendingPathComponent("prices.csv")
        try "region,instance_type,usd_per_hour,source,as_of\nus-east-1,ml.g5.2xlarge,free,me,2026\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: PricingError.damagedUserFile(path: file.path, line: 2, reason: "price \"free\" is not a plausible number of dollars an hour (more than 0, at most $10,000.00)")) {
            try PriceBook.load(dataDirectory: projectRoot.appendingPathComponent("data"), userFile: file)
        }
    }

    @Test("a user price file is read strictly: implausible prices, control characters in sources and non-dates are refused by line", arguments: [
        ("us-east-1,ml.g5.2xlarge,999999999.999999,me,2026-01-01", "not a plausible number of dollars an hour"),
        ("us-east-1,ml.g5.2xlarge,1.5,\"me\u{1B}]0;pwned\u{07}\",2026-01-01", "the source has control characters"),
        ("us-east-1,ml.g5.2xlarge,1.5,me,\u{1B}]0;pwned", "is not a date like 2026-11-20"),
        ("us-east-1,ml.g5.2xlarge,1.5,me,2026", "is not a date like 2026-11-20"),
    ])
    func strictUserFile(line: String, reason: String) throws {
        let file = try temporaryFolder().appendingPathComponent("prices.csv")
        try ("region,instance_type,usd_per_hour,source,as_of\n" + line + "\n").write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try PriceBook.load(dataDirectory: projectRoot.appendingPathComponent("data"), userFile: file)
            Issue.record("accepted: \(line)")
        } catch {
            #expect("\(error)".contains(reason), "\(error)")
            #expect(!"\(error)".contains("\u{1B}"), "a control character reached the message")
        }
    }

    @Test("the user's price file lives under XDG_CONFIG_HOME, else ~/.config")
    func userFileLocation() {
        #expect(PriceBook.userPriceFile(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])?.path == "/x/jumpstart-tui/prices.csv")
        #expect(PriceBook.userPriceFile(environment: ["HOME": "/h"])?.path == "/h/.config/jumpstart-tui/prices.csv")
        #expect(PriceBook.userPriceFile(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"])?.path == "/h/.config/jumpstart-tui/prices.csv")
        #expect(PriceBook.userPriceFile(environment: [:]) == nil)
    }

    @Test("bundled data and the importer agree: writing the parsed rows gives back the same bytes")
    func bundledRoundTrip() throws {
        let dir = projectRoot.appendingPathComponent("data/pricing")
        let prices = try String(contentsOf: dir.appendingPathComponent("prices.csv"), encoding: .utf8)
        let instances = try String(contentsOf: dir.appendingPathComponent("instances.csv"), encoding: .utf8)
        #expect(PriceFiles.encodePrices(try PriceFiles.parsePrices(prices)) == prices)
        #expect(PriceFiles.encodeInstances(try PriceFiles.parseInstances(instances)) == instances)
        #expect(bundledPrices.bundledPrices.count == 40)
        #expect(Set(bundledPrices.bundledPrices.filter { $0.region == "us-east-1" }.map(\.instanceType)).count == 31)
        #expect(bundledPrices.hardware(for: "ml.g5.48xlarge") == InstanceHardware(
            instanceType: "ml.g5.48xlarge", vcpu: 192, memoryGiB: 768, accelerators: 8, acceleratorModel: "NVIDIA A10G",
            acceleratorMemoryGiB: 192, source: bundledPrices.hardware(for: "ml.g5.48xlarge")!.source))
    }
}

@Suite("comparisons")
struct ComparisonTests {
    @Test("a model's instance types in us-east-1: its 7 types, cheapest first, default and cheapest deployable marked")
    func modelInUSEast1() throws {
        let e = try entry("meta-textgeneration-llama-2-7b-f@2.0.2")
        let c = try CostComparison(model: e, region: "us-east-1", planner: catalog.planner, prices: bundledPrices)
        #expect(Set(c.rows.map(\.instanceType)) == Set(e.instanceTypes))
        #expect(c.rows.count == 7)
        let monthly = c.rows.compactMap(\.estimate.monthly)
        #expect(monthly == monthly.sorted())
        #expect(c.rows.filter(\.isDefault).map(\.instanceType) == ["ml.g5.2xlarge"])
        #expect(c.rows.filter(\.isCheapest).map(\.instanceType) == ["ml.g5.2xlarge"])
        let p4d = try #require(c.rows.first { $0.instanceType == "ml.p4d.24xlarge" })
        #expect(p4d.hourlyPerAccelerator == Money(micros: 4_711_000))   // 37.688 / 8
        #expect(p4d.hourlyPerAcceleratorGiB == Money(micros: 117_775))  // 37.688 / 320
    }

    @Test("unknown prices sort last, in catalog order, and are never the cheapest; 1 priced of 7 claims no cheapest")
    func unknownsLast() throws {
        let e = try entry("meta-textgeneration-llama-2-7b-f@2.0.2")
        let c = try CostComparison(model: e, region: "eu-west-1", planner: catalog.planner, prices: bundledPrices, capacity: .fixed(2))
        #expect(c.rows.first?.instanceType == "ml.g5.12xlarge")
        #expect(c.rows.first?.estimate.monthly?.formatted == "$11,548.60")  // 7.91 × 730 × 2
        let unknown = c.rows.dropFirst()
        #expect(unknown.allSatisfy { !$0.estimate.known && !$0.isCheapest })
        #expect(unknown.map(\.instanceType) == e.instanceTypes.filter { $0 != "ml.g5.12xlarge" })
        #expect(c.cheapest == nil)
        #expect(c.cheapestClaim == "no cheapest marked: only 1 of 7 types that deploy have a price")
    }

    @Test("the cheapest rule: among priced rows that deploy, only when at least half of them are priced; ties go to the first")
    func cheapestRule() {
        let m = { (d: Int64) in Money(micros: d) }
        #expect(CostComparison.cheapestIndex(monthly: [m(5), nil, m(3), nil], deploys: [true, true, true, true]) == 2)
        #expect(CostComparison.cheapestIndex(monthly: [m(5), nil, nil, nil], deploys: [true, true, true, true]) == nil)
        #expect(CostComparison.cheapestIndex(monthly: [m(1), m(5), nil], deploys: [false, true, false]) == 1)
        #expect(CostComparison.cheapestIndex(monthly: [m(4), m(4)], deploys: [true, true]) == 0)
        #expect(CostComparison.cheapestIndex(monthly: [nil, nil], deploys: [true, true]) == nil)
        #expect(CostComparison.cheapestIndex(monthly: [], deploys: []) == nil)
    }

    @Test("the cheapest mark goes to the cheapest type that deploys, not the cheapest price")
    func cheapestDeployable() throws {
        // A model whose cheapest priced type in us-east-1 does not deploy there.
        var found = false
        for id in catalog.modelIds {
            guard let s = try catalog.newest(of: id) else { continue }
            let e = try catalog.entry(s)
            let c = try CostComparison(model: e, region: "us-east-1", planner: catalog.planner, prices: bundledPrices)
            guard let first = c.rows.first, first.estimate.known, first.deployable == false else { continue }
            #expect(!first.isCheapest)
            if let cheapest = c.cheapest {
                #expect(cheapest.deployable == true && cheapest.estimate.known)
            }
            found = true
            break
        }
        #expect(found, "no model in the catalog exercises this rule")
    }

    @Test("one type across all 27 regions: priced regions first, the rest unknown in region order")
    func acrossRegions() throws {
        let e = try entry("meta-textgeneration-llama-2-7b-f@2.0.2")
        let c = try CostComparison(instanceType: "ml.g5.2xlarge", regions: catalog.regions.names, model: e,
                                   planner: catalog.planner, prices: bundledPrices)
        #expect(c.rows.count == 27)
        // 1 priced region of 27: too few to call it the cheapest.
        #expect(c.rows.first?.region == "us-east-1" && c.rows.first?.isCheapest == false)
        #expect(c.cheapestClaim == "no cheapest marked: only 1 of 6 regions that deploy have a price")
        let unknown = c.rows.dropFirst()
        #expect(unknown.allSatisfy { !$0.estimate.known })
        #expect(unknown.map(\.region) == catalog.regions.names.filter { $0 != "us-east-1" })
        #expect(c.rows.first { $0.region == "af-south-1" }?.deployable == false)
        #expect(c.rows.allSatisfy { $0.isDefault })
    }

    @Test("a type the model doesn't support, or one nobody knows, is an error")
    func refusesTypes() throws {
        let e = try entry("meta-textgeneration-llama-2-7b-f@2.0.2")
        #expect(throws: PricingError.self) {
            try CostComparison(instanceType: "ml.c5.xlarge", regions: ["us-east-1"], model: e, planner: catalog.planner, prices: bundledPrices)
        }
        #expect(throws: PricingError.unknownInstanceType("ml.g5.2xlarg", suggestions: ["ml.g5.2xlarge"])) {
            try CostComparison(instanceType: "ml.g5.2xlarg", regions: ["us-east-1"], model: nil, planner: catalog.planner, prices: bundledPrices)
        }
    }
}
