import Foundation

/// Why a template file was not written; the file at the path is as it was.
public enum TemplateFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case isFolder(String)
    /// A device, a FIFO or a socket: never replaced, even with --force.
    case notRegularFile(path: String, kind: String)
    case exists(String)
    case noFolder(String)
    case emptyPath
    case danglingLink(path: String, target: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .isFolder(let p): return "\(p) is a folder; give a file name."
        case let .notRegularFile(p, kind):
            return "\(p) is \(kind), not a regular file: a template is written only to a regular file, even with --force. Give a file name, or - for standard output."
        case .exists(let p): return "\(p) already exists and was left untouched; add --force to replace it, or choose another file."
        case .noFolder(let f): return "The folder \(f) does not exist; create it first or choose another file."
        case .emptyPath: return "The output file name is empty; give a file name, or - for standard output."
        case let .danglingLink(p, target): return "\(p) is a symlink to \(target), which doesn't exist; add --force to create it through the link, or choose another file."
        case let .cannotWrite(p, reason): return "Can't write \(p): \(reason)."
        }
    }
}

/// Writes a template whole or not at all (`AtomicFile`: a temporary file in the same folder,
/// fsync, then `rename` when replacing or `link` when not, so a file that appeared meanwhile is
/// never clobbered). Only regular files are written: a symlink is followed and the file it points
/// to replaced (the link stays), an existing file keeps its mode, a new one gets 0644. Used by
/// `export -o` and by the wizard, so both write the same way.
public enum TemplateFile {
    /// What is at a path, as `-o` and the wizard's overwrite prompt see it.
    public enum Target: Sendable, Equatable {
        /// Nothing yet: the file is created at `writePath` (the path, or where its symlink points).
        case absent(writePath: String)
        /// A symlink to a file that doesn't exist yet: created through the link only when asked.
        case danglingLink(writePath: String)
        /// A regular file, replaced only when asked.
        case regularFile(writePath: String)
        /// Never written: a folder, a device, a FIFO, a socket, or a missing folder.
        case refused(TemplateFileError)
    }

    /// `~` and `~/…` as a shell would expand them, with `home`; any other path as it is (`~user`
    /// forms are left alone: they name another person's home).
    public static func expandingTilde(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") else { return path }
        return home.hasSuffix("/") ? home + path.dropFirst(2) : home + path.dropFirst(1)
    }

    /// Looks at `path`, following symlinks (at most 40) to the file they point to.
    public static func inspect(_ path: String) -> Target {
        guard !path.isEmpty else { return .refused(.emptyPath) }
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                let folder = (current as NSString).deletingLastPathComponent
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDir), isDir.boolValue else {
                    return .refused(.noFolder(folder.isEmpty ? "." : folder))
                }
                return current == path ? .absent(writePath: current) : .danglingLink(writePath: current)
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(current, &buffer, buffer.count - 1)
                guard n > 0 else { return .refused(.cannotWrite(path: path, reason: "the symlink can't be read")) }
                let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                current = target.hasPrefix("/") ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
            case S_IFREG: return .regularFile(writePath: current)
            case S_IFDIR: return .refused(.isFolder(path))
            case S_IFCHR: return .refused(.notRegularFile(path: path, kind: "a character device"))
            case S_IFBLK: return .refused(.notRegularFile(path: path, kind: "a block device"))
            case S_IFIFO: return .refused(.notRegularFile(path: path, kind: "a FIFO (named pipe)"))
            case S_IFSOCK: return .refused(.notRegularFile(path: path, kind: "a socket"))
            default: return .refused(.notRegularFile(path: path, kind: "not a file"))
            }
        }
        return .refused(.cannotWrite(path: path, reason: "too many levels of symbolic links"))
    }

    public static func write(_ text: String, to path: String, replacing: Bool) throws(TemplateFileError) {
        let writePath: String
        switch inspect(path) {
        case .refused(let error): throw error
        case .regularFile(let p):
            if !replacing { throw .exists(path) }
            writePath = p
        case .absent(let p): writePath = p
        case .danglingLink(let p):
            // Creating a file somewhere else through a link is a surprise unless asked for.
            if !replacing { throw .danglingLink(path: path, target: p) }
            writePath = p
        }
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(Array(text.utf8), to: URL(fileURLWithPath: writePath), mode: 0o644, createFolder: false, replacing: replacing)
        } catch {
            if error.alreadyExists { throw .exists(path) }
            throw .cannotWrite(path: path, reason: error.reason)
        }
    }
}

extension TemplateFile {
    /// The text of a template to read back (`--from`): a regular file of at most 10 MB, or why not
    /// in words (no such file, a FIFO, a folder, too large, not readable).
    public static func read(_ path: String) -> Result<String, TemplateError> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            return .failure(.templateUnreadable(path: path, reason: reason))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.templateUnreadable(path: path, reason: "it is a folder, not a file"))
        case S_IFIFO: return .failure(.templateUnreadable(path: path, reason: "it is a FIFO (named pipe), not a regular file"))
        default: return .failure(.templateUnreadable(path: path, reason: "it is a device or a socket, not a regular file"))
        }
        guard info.st_size <= 10_000_000 else {
            return .failure(.templateUnreadable(path: path, reason: "it is \(info.st_size) bytes, far too large to be a template"))
        }
        guard let bytes = readFile(path) else {
            return .failure(.templateUnreadable(path: path, reason: String(cString: strerror(errno))))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}
