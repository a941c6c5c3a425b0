// jumpstart-import: turns the shared source data into the project's own data/ files.
//
//     swift run jumpstart-import [SOURCE_DIR] [DATA_DIR]
//
// SOURCE_DIR defaults to ../shared/data, DATA_DIR to data. Running it twice on the same input
// gives byte-identical files. See README.md, "Development".
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print("usage: jumpstart-import [SOURCE_DIR (default ../shared/data)] [DATA_DIR (default data)]")
    exit(0)
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
