import Foundation
import JumpStartCore
import Testing

@Suite("CloudFormation's offer per region")
struct CloudFormationSupportTests {
    @Test("the bundled table (from cfn-lint) marks il-central-1, me-central-1 and us-gov-east-1 as lacking SageMaker, me-south-1 unknown")
    func bundledTable() {
        let support = catalog.regions.cloudFormation
        #expect(support.source.hasPrefix("cfn-lint "))
        for region in ["il-central-1", "me-central-1", "us-gov-east-1"] {
            #expect(support.offer(region: region) == .missing(CloudFormationSupport.endpointTypes), "\(region)")
        }
        #expect(support.offer(region: "me-south-1") == .unknown)
        #expect(support.offer(region: "us-east-1") == .offered)
        #expect(support.offer(region: "nowhere-1") == .unknown)
    }

    @Test("the planner refuses such a region with the reason and the nearest regions that work; masks agree")
    func plannerRefuses() throws {
        let e = try catalog.entry(reference: "meta-textgeneration-llama-3-8b-instruct@2.2.0")
        let problem = catalog.planner.check(e, region: "il-central-1", instanceType: e.defaultInstanceType)
        guard case let .notOfferedByCloudFormation(region, missing, _, nearest)? = problem else {
            Issue.record("expected notOfferedByCloudFormation, got \(String(describing: problem))")
            return
        }
        #expect(region == "il-central-1" && missing == CloudFormationSupport.endpointTypes)
        #expect(nearest.count == 3 && !nearest.contains("me-south-1") && !nearest.contains("me-central-1"))
        #expect(nearest.first == "eu-south-1", "\(nearest)")  // Milan is the nearest working region to Tel Aviv here
        let summary = try catalog.summary(reference: "meta-textgeneration-llama-3-8b-instruct@2.2.0")
        let index = try #require(catalog.regions.index(of: "il-central-1"))
        #expect(!summary.deploys(regionIndex: index, instanceType: e.defaultInstanceType))
        #expect(catalog.planner.regionMasks(e) == summary.regionMasks)
    }

    @Test("GovCloud suggests GovCloud; a damaged table is refused by line", arguments: [
        ("# region\tAWS::SageMaker::Model\nus-east-1\tmaybe\n", 2),
        ("# region\tAWS::SageMaker::Model\nus-east-1\n", 2),
    ])
    func damaged(text: String, line: Int) {
        #expect(RegionGeography.nearest(to: "us-gov-east-1", among: ["us-east-1", "us-gov-west-1", "us-east-2"]).first == "us-gov-west-1")
        #expect(throws: CatalogError.self) { try CloudFormationSupport.parse(text, file: "t.tsv") }
        do { _ = try CloudFormationSupport.parse(text, file: "t.tsv") } catch {
            if case let .damaged(_, l, _) = error { #expect(l == line) } else { Issue.record("\(error)") }
        }
    }
}
