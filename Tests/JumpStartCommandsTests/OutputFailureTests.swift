import Foundation
import Testing

/// Runs `script` in bash with `$BIN` set to the binary, in a home of its own.
func bash(_ script: String) throws -> CLIResult {
    var env = try isolatedHome()
    env["BIN"] = binary.path
    env["JUMPSTART_TUI_BUNDLED_DATA"] = "1"
    env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

@Suite("a failed write to standard output or error never crashes")
struct OutputFailureTests {
    static let model = "huggingface-llm-mistral-7b-instruct@3.5.0"

    @Test("stdout on a full disk: one line saying so and exit 1, no crash", arguments: [
        "export \(model)", "models", "compare --instance-type ml.g5.2xlarge --regions all --format csv", "pricing status",
    ])
    func fullDisk(command: String) throws {
        let r = try bash("\"$BIN\" \(command) > /dev/full; echo \"status=$?\"")
        #expect(r.stdout.contains("status=1"), "\(command): \(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("jumpstart-tui: can't write to standard output: No space left on device."), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("backtrace"), "\(r.stderr)")
    }

    @Test("stdout closed: one line saying so and exit 1", arguments: ["models", "export \(model)", "show \(model)"])
    func closedStdout(command: String) throws {
        let r = try bash("\"$BIN\" \(command) >&-; echo \"status=$?\" >&2")
        #expect(r.stderr.contains("status=1"), "\(command): \(r.stderr)")
        #expect(r.stderr.contains("can't write to standard output: it is closed."), "\(r.stderr)")
    }

    @Test("stderr closed after export -o wrote the file: success stays success")
    func closedStderr() throws {
        let r = try bash("cd \"$HOME\" && \"$BIN\" export \(Self.model) -o t.yaml 2>&-; echo \"status=$?\"; wc -c < t.yaml")
        #expect(r.stdout.hasPrefix("status=0"), "\(r.stdout)")
        #expect((Int(r.stdout.split(separator: "\n").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0) > 1000)
    }

    @Test("into head -1: the first line, then a quiet end (no message, exit 0 or SIGPIPE)", arguments: [
        "models", "models --all-versions", "compare --instance-type ml.g5.2xlarge --regions all --format csv",
    ])
    func closedPipe(command: String) throws {
        let r = try bash("\"$BIN\" \(command) | head -1; echo \"status=${PIPESTATUS[0]}\"")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2, "\(r.stdout)")
        #expect(lines.last == "status=0" || lines.last == "status=141", "\(r.stdout)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }
}

@Suite("-o writes only regular files, and --force never clobbers anything else")
struct OutputFileTests {
    static let model = "huggingface-llm-mistral-7b-instruct@3.5.0"

    @Test("devices, FIFOs, sockets and folders are refused even with --force, saying why, and left as they were", arguments: [
        ("/dev/null", "a character device"),
        ("FIFO", "a FIFO (named pipe)"),
        ("SOCKET", "a socket"),
        ("DIR", "is a folder"),
    ])
    func refused(target: String, why: String) throws {
        let setup: String
        switch target {
        case "FIFO": setup = "mkfifo \"$HOME/p\"; T=\"$HOME/p\""
        case "SOCKET": setup = "python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' \"$HOME/s\"; T=\"$HOME/s\""
        case "DIR": setup = "mkdir \"$HOME/d\"; T=\"$HOME/d\""
        default: setup = "T=\(target)"
        }
        let r = try bash("\(setup); before=$(stat -c %F \"$T\"); \"$BIN\" export \(Self.model) -o \"$T\" --force; echo \"status=$?\"; after=$(stat -c %F \"$T\"); [ \"$before\" = \"$after\" ] && echo same-kind")
        #expect(r.stdout.contains("status=1"), "\(target): \(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains("same-kind"), "\(target) was replaced: \(r.stdout)")
        #expect(r.stderr.contains(why), "\(r.stderr)")
        if target != "DIR" { #expect(r.stderr.contains("even with --force")) }
    }

    @Test("a symlink: the file it points to is replaced and the link kept; an existing file keeps its mode")
    func symlinkAndMode() throws {
        let r = try bash("""
            cd "$HOME" && echo old > real.yaml && chmod 600 real.yaml && ln -s real.yaml link.yaml
            "$BIN" export \(Self.model) -o link.yaml --force 2>/dev/null; echo "status=$?"
            [ -L link.yaml ] && echo still-a-link
            stat -c %a real.yaml
            head -1 real.yaml
            ls -a | grep -c tmp || true
            """)
        #expect(r.stdout.contains("status=0"), "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("still-a-link"))
        #expect(r.stdout.contains("\n600\n"), "\(r.stdout)")
        #expect(r.stdout.contains("AWSTemplateFormatVersion"))
        #expect(r.stdout.hasSuffix("0\n"), "a temporary file was left: \(r.stdout)")
    }

    @Test("without --force an existing file is left alone; -o - writes to standard output; -o '' is refused by name")
    func existingAndDash() throws {
        let r = try bash("""
            cd "$HOME" && echo keep > t.yaml
            "$BIN" export \(Self.model) -o t.yaml; echo "status=$?"; cat t.yaml
            "$BIN" export \(Self.model) -o - 2>/dev/null | head -1
            "$BIN" export \(Self.model) -o ''; echo "empty=$?"
            """)
        #expect(r.stdout.contains("status=1\nkeep\nAWSTemplateFormatVersion"), "\(r.stdout)")
        #expect(r.stderr.contains("already exists and was left untouched; add --force"))
        #expect(r.stdout.contains("empty=1"))
        #expect(r.stderr.contains("The output file name is empty; give a file name, or - for standard output."), "\(r.stderr)")
    }
}

@Suite("answers read back from a template meet every rule")
struct TemplateAnswerRuleTests {
    @Test("Metadata edited to Capacity.Count 5000 is refused like --count 5000")
    func countFromTemplate() throws {
        let r = try bash("""
            cd "$HOME" && "$BIN" export huggingface-llm-mistral-7b-instruct@3.5.0 -o t.yaml 2>/dev/null
            sed -i 's/^      Count: 1$/      Count: 5000/' t.yaml && grep -c '^      Count: 5000' t.yaml
            "$BIN" export --from t.yaml; echo "status=$?"
            """)
        #expect(r.stdout.contains("1\n"), "the edit did not apply: \(r.stdout)")
        #expect(r.stdout.contains("status=1"))
        #expect(!r.stdout.contains("InitialInstanceCount: 5000"))
        #expect(r.stderr.contains("5000 is not allowed: the instance count must be a whole number from 1 to 1000"), "\(r.stderr)")
    }

    @Test("an autoscaling range read from a template meets the same rules as the flags")
    func rangeFromTemplate() throws {
        let r = try bash("""
            cd "$HOME" && "$BIN" export huggingface-llm-mistral-7b-instruct@3.5.0 --min-count 1 --max-count 3 -o t.yaml 2>/dev/null
            sed -i 's/^      MaxCount: 3$/      MaxCount: 2000/' t.yaml && grep -c '^      MaxCount: 2000' t.yaml
            "$BIN" export --from t.yaml; echo "status=$?"
            """)
        #expect(r.stdout.contains("1\n"), "the edit did not apply: \(r.stdout)")
        #expect(r.stdout.contains("status=1"))
        #expect(r.stderr.contains("--max-count 2000 is not allowed: the most instances must be a whole number from 1 to 1000."), "\(r.stderr)")
    }

    @Test("Metadata with both RoleArn and RolePolicy is refused instead of one silently winning")
    func bothRoles() throws {
        let r = try bash("""
            cd "$HOME" && "$BIN" export huggingface-llm-mistral-7b-instruct@3.5.0 --role-arn arn:aws:iam::123456789012:role/x -o t.yaml 2>/dev/null
            sed -i 's/^\\(\\s*\\)RoleArn: \\(.*\\)$/\\1RoleArn: \\2\\n\\1RolePolicy: managed/' t.yaml && grep -c RolePolicy t.yaml
            "$BIN" export --from t.yaml; echo "status=$?"
            """)
        #expect(r.stdout.contains("status=1"), "\(r.stdout)")
        #expect(r.stderr.contains("has both RoleArn and RolePolicy"), "\(r.stderr)")
    }
}

@Suite("the bundled data is found in one documented place, never in a stray folder")
struct DataLocationTests {
    @Test("a planted data/ in the binary's parent folders is ignored; an installed layout is used; --version names it")
    func noParentSearch() throws {
        let r = try bash("""
            root="$HOME/x"; mkdir -p "$root/a/b/bin" "$root/a/data/catalog"
            cp "$BIN" "$root/a/b/bin/jumpstart-tui"
            echo planted > "$root/a/data/catalog/entries.tsv"
            "$root/a/b/bin/jumpstart-tui" show huggingface-llm-mistral-7b-instruct@3.5.0; echo "planted=$?"
            mkdir -p "$root/a/b/share/jumpstart-tui" && cp -R "$(dirname "$BIN")/../../../data" "$root/a/b/share/jumpstart-tui/data" 2>/dev/null || cp -R \(projectRoot.path)/data "$root/a/b/share/jumpstart-tui/data"
            "$root/a/b/bin/jumpstart-tui" --version
            "$root/a/b/bin/jumpstart-tui" show huggingface-llm-mistral-7b-instruct@3.5.0 >/dev/null; echo "installed=$?"
            """)
        #expect(r.stdout.contains("planted=1"), "\(r.stdout)")
        #expect(r.stderr.contains("was not found. Looked in:") && r.stderr.contains("/x/a/b/share/jumpstart-tui/data"), "\(r.stderr)")
        #expect(!r.stderr.contains("/x/a/data"), "the parent folder must not even be looked at: \(r.stderr)")
        #expect(r.stdout.contains("(data: ") && r.stdout.contains("/x/a/b/share/jumpstart-tui/data)"), "\(r.stdout)")
        #expect(r.stdout.contains("installed=0"))
    }
}

@Suite("smaller wrong answers from the probe")
struct SmallerProbeTests {
    @Test("bad input gets the right reason and a non-zero exit", arguments: [
        (["cost", "--instance-type", "ml.g5.2xlarge", "--region", ""], "--region is empty: give a region"),
        (["help", "nope"], "has no command nope. Commands: wizard, models"),
        (["help", "pricing", "nope"], "jumpstart-tui pricing has no command nope. Commands: update, import, status"),
        (["wizard", "--count", "-1"], "Instance count -1 is not allowed"),
        (["wizard", "--count", "1001"], "Instance count 1001 is not allowed"),
    ])
    func wrongReasons(arguments: [String], message: String) throws {
        let r = try jst(arguments)
        #expect(r.status != 0, "\(arguments)")
        #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
    }

    @Test("help of a real command still works")
    func helpWorks() throws {
        let r = try jst(["help", "pricing", "update"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--endpoint-url"))
    }
}

@Suite("damaged or odd inputs around export")
struct ExportInputTests {
    @Test("a damaged price file of the user's does not block export: a warning, the bundled prices, exit 0")
    func damagedUserPrices() throws {
        let env = try isolatedHome()
        let file = URL(fileURLWithPath: env["XDG_CONFIG_HOME"]!).appendingPathComponent("jumpstart-tui/prices.csv")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "not,a,price,file\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try jst(["export", "huggingface-llm-mistral-7b-instruct@3.5.0"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: Your price file \(file.path) line 1 can't be read"), "\(r.stderr)")
        #expect(r.stdout.contains("bundled price list"))
    }

    @Test("--from a FIFO or a folder says what it is, without waiting on it")
    func fromOddFiles() throws {
        let r = try bash("""
            cd "$HOME" && mkfifo p && mkdir d
            timeout 10 "$BIN" export --from p; echo "fifo=$?"
            "$BIN" export --from d; echo "dir=$?"
            "$BIN" export --from missing.yaml; echo "missing=$?"
            """)
        #expect(r.stdout.contains("fifo=1") && r.stdout.contains("dir=1") && r.stdout.contains("missing=1"), "\(r.stdout)")
        #expect(r.stderr.contains("it is a FIFO (named pipe), not a regular file"), "\(r.stderr)")
        #expect(r.stderr.contains("it is a folder, not a file"))
        #expect(r.stderr.contains("no such file"))
    }
}

@Suite("regions where CloudFormation can't deploy the template")
struct CloudFormationRegionTests {
    @Test("export refuses a region without SageMaker in CloudFormation, naming why and the nearest that work")
    func refused() throws {
        let r = try jst(["export", "huggingface-llm-phi-2", "--region", "me-central-1"])
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.contains("CloudFormation does not offer AWS::SageMaker::Model, AWS::SageMaker::EndpointConfig, AWS::SageMaker::Endpoint in me-central-1 (cfn-lint"), "\(r.stderr)")
        #expect(r.stderr.contains("The nearest regions where it deploys: ap-south-1"), "\(r.stderr)")
    }

    @Test("a region with no current data exports with a warning that says so")
    func unknown() throws {
        let r = try jst(["export", "huggingface-llm-phi-2", "--region", "me-south-1"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: Whether CloudFormation offers SageMaker endpoints in me-south-1 is unknown"), "\(r.stderr)")
    }

    @Test("show's list of regions leaves them out")
    func show() throws {
        let r = try jst(["show", "huggingface-llm-phi-2", "--format", "json"])
        let o = try #require(try json(r.stdout) as? [String: Any])
        let text = "\(o)"
        #expect(!text.contains("il-central-1") && !text.contains("me-central-1") && !text.contains("us-gov-east-1"), "\(text)")
    }
}
