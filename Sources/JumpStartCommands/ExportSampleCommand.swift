import ArgumentParser
import Foundation
import JumpStartCore

/// `jumpstart-tui _export-sample N DIR` (hidden): writes N templates for (entry, region, instance
/// type) combinations drawn deterministically across the whole catalog, for tools/checks/cfn-lint.sh.
/// One process instead of N keeps that check fast; the templates come from the same
/// `TemplateBuilder` as `export`.
struct ExportSampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_export-sample", abstract: "Write sample templates for the cfn-lint check.", shouldDisplay: false)

    @Argument var count: Int
    @Argument var directory: String

    func run() throws {
        let catalog = try loadCatalog()
        let regions = catalog.regions.names
        let all = try catalog.allSummaries()
        // Four pools so each kind of entry is drawn often: model packages, gated, .tar.gz, prefix.
        var pools: [[EntrySummary]] = [[], [], [], []]
        for s in all {
            if s.isModelPackage { pools[0].append(s); continue }
            if s.gatedBucket { pools[1].append(s); continue }
            let e = try catalog.entry(s)
            pools[(e.modelDataKey ?? "").hasSuffix(".tar.gz") ? 2 : 3].append(s)
        }
        let builder = TemplateBuilder(catalog: catalog, costNote: TemplateCostNote.maker(try PriceBook.bundled()))
        var manifest = ["file\tentry\tregion\tinstanceType\tsource\tgated\trolePolicy\tcapacity"]
        // Capacities in turn: fixed, autoscaling, a fixed count with working hours, autoscaling with them.
        let zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"]
        func capacity(_ k: Int) -> Capacity {
            let schedule = try? OffHoursSchedule.parse(["Mon-Fri 08:00-20:00", "daily 07:00-24:00", "Mon,Wed,Fri 09:00-17:30"][k % 3],
                                                        timeZone: zones[k % zones.count])
            switch k % 4 {
            case 1: return Capacity(.autoscaling(min: 1, max: 2 + k % 3, targetInvocations: k % 2 == 0 ? nil : 50 + k % 100))
            case 2: return Capacity(.fixed(2 + k % 3), schedule: schedule)
            case 3: return Capacity(.autoscaling(min: 1, max: 3, targetInvocations: nil), schedule: schedule)
            default: return .fixed(1 + k % 3)
            }
        }
        var written = 0
        var k = 0
        while written < count, k < count * 20 {
            defer { k += 1 }
            let pool = pools[k % 4]
            guard !pool.isEmpty else { continue }
            var region = regions[k % regions.count]
            // A prime stride walks each pool across its whole range.
            var pick: EntrySummary?
            for step in 0..<pool.count {
                let s = pool[(k * 7919 + step * 104_729) % pool.count]
                if s.deploysOnAnyType(regionIndex: catalog.regions.index(of: region)) { pick = s; break }
            }
            if pick == nil, let s = pool.first(where: { $0.regionMasks.contains { $0 != 0 } }) {
                pick = s
                region = regions[(0..<regions.count).first { s.deploysOnAnyType(regionIndex: $0) }!]
            }
            guard let s = pick else { continue }
            let ri = catalog.regions.index(of: region)
            let types = s.instanceTypes.filter { s.deploys(regionIndex: ri, instanceType: $0) }
            let type = types[(k / regions.count) % types.count]
            let policy: RolePolicy = (k / 4) % 2 == 0 ? .managed : .leastPrivilege
            let c = capacity(k / 4)
            let answers = ExportAnswers(
                model: s.modelId, version: s.version.text, region: region, instanceType: type, capacity: c,
                acceptEula: true, options: TemplateOptions(role: .create(policy)))
            guard case .success(let t) = builder.build(answers) else { continue }
            let format: TemplateFormat = k % 5 == 0 ? .json : .yaml
            let name = String(format: "t%04d.%@", written, format.rawValue)
            let source: String
            switch t.plan.source {
            case .modelPackage: source = "package"
            case .container(_, let data): source = data.kind == .compressedArchive ? "tar.gz" : "prefix"
            }
            try Data(t.text(format).utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
            let kind = (c.isAutoscaling ? "autoscaling" : "fixed") + (c.schedule != nil ? "+schedule" : "")
            manifest.append([name, s.reference, region, type, source, s.gatedBucket ? "gated" : "-", policy.rawValue, kind].joined(separator: "\t"))
            written += 1
        }
        try Data((manifest.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("manifest.tsv"))
        guard written == count else { throw CommandFailure("Only \(written) of \(count) sample templates could be built.") }
    }
}
