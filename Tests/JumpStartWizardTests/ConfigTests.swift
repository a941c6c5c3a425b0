import Foundation
import JumpStartCore
import JumpStartWizard
import Testing
import TerminalUI

/// A catalog as `catalog update` writes it: the bundled files with a version fetched from a spec
/// that has two deployable configurations (Llama 3.1 70B's, its draft model taken out).
let twoConfigServices: WizardServices = {
    do {
        let data = projectRoot.appendingPathComponent("data")
        var spec = try JSONSerialization.jsonObject(with: Data(contentsOf: projectRoot.appendingPathComponent(
            "Tests/Fixtures/jumpstart-specs/meta-textgeneration-llama-3-1-70b.json"))) as! [String: Any]
        var components = spec["inference_config_components"] as! [String: Any]
        var optimized = components["lmi-optimized"] as! [String: Any]
        optimized["hosting_additional_data_sources"] = nil
        components["lmi-optimized"] = optimized
        spec["inference_config_components"] = components
        spec["model_id"] = "test-two-configs"
        spec["version"] = "1.0.0"
        let bundled = try Catalog(dataDirectory: data)
        guard case .kept(let entry) = try JumpStartSpec.read(
            [UInt8](try JSONSerialization.data(withJSONObject: spec)), modelId: "test-two-configs", version: ModelVersion("1.0.0")!,
            specKey: "community_models/test-two-configs/specs_v1.0.0.json", regions: bundled.regions.names) else { fatalError("left out") }
        var base: [String: String] = [:]
        for name in [CatalogFormat.entriesFile, CatalogFormat.regionsFile, CatalogFormat.environmentsFile, CatalogFormat.variantsFile,
                     CatalogFormat.aliasesFile, CatalogFormat.packagesFile] {
            base[name] = try String(contentsOf: data.appendingPathComponent("catalog").appendingPathComponent(name), encoding: .utf8)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("two-configs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in CatalogFormat.encode(entries: [entry], regions: RegionTable(regions: bundled.regions.regions), over: base) {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        let catalog = try Catalog(directory: dir, dataDirectory: data, source: .updated(snapshot: dir.path))
        let prices = try PriceBook.load(dataDirectory: data, userFile: nil, updatedFile: nil, today: testToday)
        return try WizardServices.live(catalog: catalog, prices: prices)
    } catch {
        fatalError("two-config services: \(error)")
    }
}()

@Suite("Deployment configurations in the wizard")
struct ConfigTests {
    @Test("c switches the configuration: the table, the token costs and the template follow it")
    func switchConfig() throws {
        var p = Pilot(width: 200, height: 45, start: StartingAnswers(model: "test-two-configs"), services: twoConfigServices)
        var screen = p.screen()
        #expect(screen.contains("config lmi (c)"), "\(screen)")
        #expect(screen.contains("$/1M TOK"))
        // lmi on ml.p4d.24xlarge: $37.688 ÷ (4 users × 37.4 tokens/s × 3,600) × 1M = $69.98.
        #expect(screen.contains("$69.98/1M output tokens (lmi: 4 users at 37.4 tok/s each)"), "\(screen)")
        p.press("c")
        screen = p.screen()
        #expect(screen.contains("config lmi-optimized (c)"))
        #expect(screen.contains("Deployment configuration lmi-optimized (ranked 2 of 2)."))
        // lmi-optimized: $37.688 ÷ (1 user × 89.4 tokens/s × 3,600) × 1M = $117.10.
        #expect(screen.contains("$117.10/1M output tokens (lmi-optimized: 1 user at 89.4 tok/s)"))
        #expect(p.state.answers.config == "lmi-optimized")
        // Through to the template: the configuration is in its Metadata, and its environment is used.
        let rendering = try twoConfigServices.templates.render({ var a = p.state.answers; a.acceptEula = true; a.instanceType = "ml.p5.48xlarge"; return a }()).get()
        #expect(rendering.yaml.contains("    Config: lmi-optimized\n"))
        #expect(rendering.yaml.contains("OPTION_TENSOR_PARALLEL_DEGREE: '8'"))
        #expect(rendering.exportCommand.contains("--config lmi-optimized"))
        p.press("c")
        #expect(p.screen().contains("Deployment configuration lmi (ranked 1 of 2), the default."))
        // At 80 columns the column gives way; the detail line still says it.
        var narrow = Pilot(start: StartingAnswers(model: "test-two-configs"), services: twoConfigServices)
        #expect(!narrow.screen().contains("$/1M TOK"))
        narrow.press("c")
        #expect(narrow.screen().contains("/1M output tokens (lmi-optimized"))
    }

    @Test("c on a bundled model says why there is nothing to switch to")
    func bundledHasOne() {
        var p = Pilot(start: StartingAnswers(model: "huggingface-llm-mistral-7b-instruct@3.5.0"))
        p.press("c")
        #expect(p.screen().contains("One configuration only (a bundled version)."))
    }
}
