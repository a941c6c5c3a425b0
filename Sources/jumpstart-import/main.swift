// jumpstart-import: turns the shared source data into the project's own data/ files.
//
//     swift run jumpstart-import [SOURCE_DIR] [DATA_DIR]
//
// SOURCE_DIR defaults to ../shared/data, DATA_DIR to data. Running it twice on the same input
// gives byte-identical files. See README.md, "Development".
import Foundation
import JumpStartFetch

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print("""
        usage: jumpstart-import [SOURCE_DIR (default ../shared/data)] [DATA_DIR (default data)]
               jumpstart-import --refresh-pricing [DATA_DIR (default data)] [--endpoint-url URL]
               jumpstart-import --refresh-catalog [DATA_DIR (default data)] [--endpoint-url URL] [--all-versions]
        """)
    exit(0)
}
if arguments.first == "--refresh-pricing" {
    var rest = Array(arguments.dropFirst())
    var endpoint = PriceListUpdate.defaultEndpoint
    if let i = rest.firstIndex(of: "--endpoint-url"), i + 1 < rest.count {
        endpoint = rest[i + 1]
        rest.removeSubrange(i...(i + 1))
    }
    do {
        let summary = try PricingRefresh.run(output: URL(fileURLWithPath: rest.first ?? "data"), endpoint: endpoint)
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("jumpstart-import: \(error)\n".utf8))
        exit(1)
    }
}
if arguments.first == "--refresh-catalog" {
    var rest = Array(arguments.dropFirst())
    var endpoint = CatalogUpdate.defaultEndpoint
    if let i = rest.firstIndex(of: "--endpoint-url"), i + 1 < rest.count {
        endpoint = rest[i + 1]
        rest.removeSubrange(i...(i + 1))
    }
    let all = rest.contains("--all-versions")
    rest.removeAll { $0 == "--all-versions" }
    do {
        let summary = try CatalogRefresh.run(output: URL(fileURLWithPath: rest.first ?? "data"), endpoint: endpoint, allVersions: all)
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("jumpstart-import: \(error)\n".utf8))
        exit(1)
    }
}
let source = URL(fileURLWithPath: arguments.count > 0 ? arguments[0] : "../shared/data")
let output = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : "data")

do {
    let summary = try CatalogImport.run(source: source, output: output)
    FileHandle.standardError.write(Data((summary + "\n").utf8))
    for step in ImportSteps.extra {
        let text = try step(source, output)
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
} catch {
    FileHandle.standardError.write(Data("jumpstart-import: \(error)\n".utf8))
    exit(1)
}
