import Foundation

/// Why a template file was not written; the file at the path is as it was.
public enum TemplateFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case isFolder(String)
    case exists(String)
    case noFolder(String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .isFolder(let p): return "\(p) is a folder; give a file name."
        case .exists(let p): return "\(p) already exists and was left untouched; add --force to replace it, or choose another file."
        case .noFolder(let f): return "The folder \(f) does not exist; create it first or choose another file."
        case let .cannotWrite(p, reason): return "Can't write \(p): \(reason)."
        }
    }
}

/// Writes a template whole or not at all: a temporary file in the same folder, mode 0644, then
/// `rename` (replacing) or `link` (refusing to replace a file that appeared meanwhile).
/// Used by `export -o` and by the wizard, so both write the same way.
public enum TemplateFile {
    public static func write(_ text: String, to path: String, replacing: Bool) throws(TemplateFileError) {
        let url = URL(fileURLWithPath: path)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .isFolder(path) }
            if !replacing { throw .exists(path) }
        }
        let folder = url.deletingLastPathComponent()
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .noFolder(folder.path)
        }
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard fm.createFile(atPath: temp.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o644]) else {
            throw .cannotWrite(path: path, reason: "can't create a file in \(folder.path) (permission denied?)")
        }
        // createFile's mode passes through the umask; the file must be 0644 whatever it is.
        try? fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: temp.path)
        let result = replacing ? rename(temp.path, path) : link(temp.path, path)
        let code = errno
        if !replacing || result != 0 { unlink(temp.path) }
        guard result == 0 else {
            if code == EEXIST { throw .exists(path) }
            throw .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
    }
}
