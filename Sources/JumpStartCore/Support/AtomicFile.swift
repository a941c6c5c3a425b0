import Foundation

/// Replaces a file whole or not at all: the bytes go to a temporary file in the same folder,
/// which is flushed to disk (`fsync`) and renamed over the target, and the folder is flushed so
/// the rename survives a crash. A reader — or a process killed at any moment — sees the old file
/// or the new one, never half of one. Temporary files that an earlier, killed run of this program
/// left beside the target are removed on the next write.
public enum AtomicFile {
    /// Why the file was not written; the target is as it was.
    public struct Failure: Error, Sendable, Equatable {
        public var path: String
        public var reason: String
        /// Not replacing, and a file appeared at the path meanwhile.
        public var alreadyExists = false
    }

    /// Writes `bytes` to `url`, creating its folder (mode 0700 for new folders under a user's
    /// data or config home) when `createFolder` is set; the file gets `mode` unless it exists,
    /// in which case it keeps its own.
    /// Without `replacing`, the file is linked into place and a file that exists (or appeared
    /// meanwhile) is left alone: `Failure.alreadyExists`.
    public static func write(_ bytes: some Collection<UInt8>, to url: URL, mode: mode_t = 0o644, createFolder: Bool = true,
                             replacing: Bool = true) throws(Failure) {
        let path = url.path
        let folder = url.deletingLastPathComponent()
        let fm = FileManager.default
        if createFolder {
            do { try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
                throw Failure(path: path, reason: "can't create the folder \(folder.path): \(reasonText(error))")
            }
        }
        removeStaleTemporaries(of: url)
        let temp = folder.appendingPathComponent(temporaryPrefix(of: url) + "\(getpid()).tmp").path
        var existing = stat()
        let keepMode = stat(path, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, keepMode ? existing.st_mode & 0o7777 : mode)
        guard fd >= 0 else { throw Failure(path: path, reason: errnoText(folder: folder.path)) }
        var failure: String?
        var written = 0
        let data = Array(bytes)
        data.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; failure = errnoText(); return }
                written += n
            }
        }
        if failure == nil, fchmod(fd, keepMode ? existing.st_mode & 0o7777 : mode) != 0 { failure = errnoText() }
        if failure == nil, fsync(fd) != 0 { failure = errnoText() }
        if close(fd) != 0, failure == nil { failure = errnoText() }
        if let failure {
            unlink(temp)
            throw Failure(path: path, reason: failure)
        }
        if replacing {
            guard rename(temp, path) == 0 else {
                let reason = errnoText()
                unlink(temp)
                throw Failure(path: path, reason: reason)
            }
        } else {
            let linked = link(temp, path) == 0
            let code = errno
            unlink(temp)
            guard linked else {
                errno = code
                throw Failure(path: path, reason: errnoText(), alreadyExists: code == EEXIST)
            }
        }
        let dirFD = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 { _ = fsync(dirFD); close(dirFD) }
    }

    /// `.prices.csv.` — temporary files of `url` are `.prices.csv.<pid>.tmp`.
    static func temporaryPrefix(of url: URL) -> String { "." + url.lastPathComponent + "." }

    /// Removes `.<name>.<pid>.tmp` beside `url` whose process is gone (killed mid-write).
    static func removeStaleTemporaries(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = temporaryPrefix(of: url)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let middle = name.dropFirst(prefix.count).dropLast(4)
            guard let pid = Int32(middle), pid > 0 else { continue }
            if pid == getpid() || kill(pid, 0) != 0 && errno == ESRCH {
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }

    /// The reason in words a person can act on; `folder` names where a file could not be created.
    static func errnoText(folder: String? = nil) -> String {
        switch errno {
        case ENOSPC, EDQUOT: return "no space left on the device"
        case EACCES, EPERM: return folder.map { "permission denied (can't create a file in \($0))" } ?? "permission denied"
        case ENAMETOOLONG: return "the file name is too long"
        case EROFS: return "the file system is read-only"
        case ENOENT: return folder.map { "the folder \($0) does not exist" } ?? "no such file or folder"
        default: return String(cString: strerror(errno))
        }
    }

    static func reasonText(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
