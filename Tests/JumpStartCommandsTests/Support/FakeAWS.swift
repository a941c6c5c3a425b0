import Foundation
import Testing

/// A local HTTP server on 127.0.0.1 (a free port) serving a folder, with faults by path and a
/// request log: `tools/fakeaws/serve.py`. Tests point `--endpoint-url` at it; nothing reaches
/// the internet.
final class FakeAWS {
    let root: URL
    let port: Int
    private let process: Process
    private let logFile: URL
    private let faultsFile: URL

    var endpoint: String { "http://127.0.0.1:\(port)" }

    init() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fakeaws-\(UUID().uuidString)")
        root = dir.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        logFile = dir.appendingPathComponent("requests.log")
        faultsFile = dir.appendingPathComponent("faults.json")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", projectRoot.appendingPathComponent("tools/fakeaws/serve.py").path,
                             "--root", root.path, "--log", logFile.path, "--faults", faultsFile.path, "--max-seconds", "300"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        // The server prints its port, then serves.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw ServerDidNotStart() }
            line += chunk
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ServerDidNotStart()
        }
        self.port = port
    }

    struct ServerDidNotStart: Error {}

    deinit {
        // SIGKILL: the server holds nothing that needs a clean stop, and a test must never wait on it.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Writes a file under the served folder.
    func put(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(String(path.drop(while: { $0 == "/" })))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Replaces the faults: path → a fault as JSON text (`{"status": 500}`), written atomically
    /// so the server never reads half a file.
    func setFaults(_ faults: [String: String]) throws {
        let body = faults.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        try Data("{\(body)}".utf8).write(to: faultsFile, options: .atomic)
    }

    /// The paths requested so far, in order.
    var requests: [String] {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { String($0.dropFirst("GET ".count)) }
    }

    func clearLog() throws { try Data().write(to: logFile) }
}

/// A Price List tree in the published format: the region index and one offer file per region,
/// each with hosting rows and the look-alikes that must not be taken for hosting prices.
struct PriceListTree {
    static let indexPath = "/offers/v1.0/aws/AmazonSageMaker/current/region_index.json"

    var version = "20261120000000"
    var publicationDate = "2026-11-20T00:00:00Z"
    /// Region → instance type → the USD string of its hosting price, as AWS writes it.
    var hosting: [String: [String: String]]

    static func offerPath(_ region: String, version: String) -> String {
        "/offers/v1.0/aws/AmazonSageMaker/\(version)/\(region)/index.json"
    }

    func indexJSON() -> String {
        let regions = hosting.keys.sorted().map { r in
            "    \"\(r)\" : {\n      \"regionCode\" : \"\(r)\",\n      \"currentVersionUrl\" : \"\(Self.offerPath(r, version: version))\"\n    }"
        }
        return "{\n  \"formatVersion\" : \"v1.0\",\n  \"disclaimer\" : \"This pricing list is for informational purposes only.\",\n  \"publicationDate\" : \"\(publicationDate)\",\n  \"regions\" : {\n\(regions.joined(separator: ",\n"))\n  }\n}\n"
    }

    /// One region's offer file: for each hosting row, training, notebook and processing rows for
    /// the same instance (other prices), a serverless row and a storage row.
    func offerJSON(_ region: String, extraHosting: [(sku: String, type: String, usd: [String: String], unit: String)] = []) -> String {
        var products: [String] = []
        var terms: [String] = []
        var n = 0
        func add(family: String, component: String?, usage: String, instance: String?, unit: String, usd: [String: String]) {
            n += 1
            let sku = String(format: "SKU%013d", n) + region.replacingOccurrences(of: "-", with: "").uppercased().prefix(0)
            var attributes = ["\"servicecode\" : \"AmazonSageMaker\"", "\"regionCode\" : \"\(region)\"", "\"usagetype\" : \"\(usage)\"",
                              "\"location\" : \"Somewhere\"", "\"locationType\" : \"AWS Region\"", "\"operation\" : \"RunInstance\""]
            if let component { attributes.append("\"component\" : \"\(component)\"") }
            if let instance { attributes += ["\"instanceName\" : \"\(instance)\"", "\"instanceType\" : \"\(instance)\""] }
            products.append("    \"\(sku)\" : {\n      \"sku\" : \"\(sku)\",\n      \"productFamily\" : \"\(family)\",\n      \"attributes\" : {\n        \(attributes.joined(separator: ",\n        "))\n      }\n    }")
            let prices = usd.map { "\"\($0.key)\" : \"\($0.value)\"" }.joined(separator: ", ")
            terms.append("      \"\(sku)\" : {\n        \"\(sku).JRTCKXETXF\" : {\n          \"offerTermCode\" : \"JRTCKXETXF\",\n          \"sku\" : \"\(sku)\",\n          \"effectiveDate\" : \"2026-11-01T00:00:00Z\",\n          \"priceDimensions\" : {\n            \"\(sku).JRTCKXETXF.6YS6EN2CT7\" : {\n              \"unit\" : \"\(unit)\",\n              \"description\" : \"a price\",\n              \"beginRange\" : \"0\", \"endRange\" : \"Inf\",\n              \"pricePerUnit\" : { \(prices) },\n              \"appliesTo\" : [ ]\n            }\n          },\n          \"termAttributes\" : { }\n        }\n      }")
        }
        let prefix = "XX1"
        for (type, usd) in (hosting[region] ?? [:]).sorted(by: { $0.key < $1.key }) {
            add(family: "ML Instance", component: "Training", usage: "\(prefix)-Train:\(type)", instance: type, unit: "Hrs", usd: ["USD": "0.0100000000"])
            add(family: "ML Instance", component: "Hosting", usage: "\(prefix)-Host:\(type)", instance: type, unit: "Hrs", usd: ["USD": usd])
            add(family: "ML Instance", component: "Notebook", usage: "\(prefix)-Notebk:\(type)", instance: type, unit: "Hrs", usd: ["USD": "0.0200000000"])
            add(family: "ML Instance", component: "Processing", usage: "\(prefix)-Processing:\(type)", instance: type, unit: "Hrs", usd: ["USD": "0.0300000000"])
        }
        add(family: "ML Serverless", component: "Hosting", usage: "\(prefix)-Serverless-Infr-Mem-GBs", instance: nil, unit: "GB-Second", usd: ["USD": "0.0000200000"])
        add(family: "Storage", component: "Hosting", usage: "\(prefix)-Host:VolumeUsage.gp2", instance: nil, unit: "GB-Mo", usd: ["USD": "0.1400000000"])
        for extra in extraHosting {
            add(family: "ML Instance", component: "Hosting", usage: "\(prefix)-Host:\(extra.type)", instance: extra.type, unit: extra.unit, usd: extra.usd)
        }
        return "{\n  \"formatVersion\" : \"v1.0\",\n  \"disclaimer\" : \"This pricing list is for informational purposes only.\",\n  \"offerCode\" : \"AmazonSageMaker\",\n  \"version\" : \"\(version)\",\n  \"publicationDate\" : \"\(publicationDate)\",\n  \"products\" : {\n\(products.joined(separator: ",\n"))\n  },\n  \"terms\" : {\n    \"OnDemand\" : {\n\(terms.joined(separator: ",\n"))\n    }\n  }\n}\n"
    }

    /// Publishes the index and every offer on `server`.
    func publish(on server: FakeAWS) throws {
        try server.put(Self.indexPath, indexJSON())
        for region in hosting.keys { try server.put(Self.offerPath(region, version: version), offerJSON(region)) }
    }
}

/// The prices of a `pricing update` file, as `region type price` lines.
func updatedPriceCells(_ env: [String: String]) throws -> [String] {
    let url = URL(fileURLWithPath: env["XDG_DATA_HOME"]!).appendingPathComponent("jumpstart-tui/pricing/price-list.csv")
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: " ") }
}

func updatedPriceFile(_ env: [String: String]) -> URL {
    URL(fileURLWithPath: env["XDG_DATA_HOME"]!).appendingPathComponent("jumpstart-tui/pricing/price-list.csv")
}

/// A local server publishing `tree`, and a home of the test's own: how most update tests begin.
func publishedServer(_ tree: PriceListTree = firstPublication) throws -> (FakeAWS, [String: String]) {
    let server = try FakeAWS()
    try tree.publish(on: server)
    return (server, try isolatedHome())
}
