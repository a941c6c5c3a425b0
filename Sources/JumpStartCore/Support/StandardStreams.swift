import Foundation

/// Writing to standard output and error without ever crashing: Foundation's
/// `FileHandle.write(_:)` traps on a write error (a full disk, a closed stream), so every line the
/// program prints goes through here instead.
public enum StandardStreams {
    /// What a write came to.
    public enum Outcome: Equatable {
        case written
        /// The reader went away (`| head -1`): end quietly, as Unix tools do.
        case closedPipe
        /// Anything else (no space left, a closed stream): the reason, for one line on stderr.
        case failed(String)
    }

    /// Writes all of `text` to `fd`, retrying short writes and interruptions.
    public static func write(_ text: String, to fd: Int32) -> Outcome {
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { return .closedPipe }
                return .failed(errno == EBADF ? "it is closed" : String(cString: strerror(errno)))
            }
            done += n
        }
        bytes.removeAll()
        return .written
    }

    /// Writes to standard output; a closed pipe ends the program quietly (exit 0), any other
    /// failure with one line on standard error (where possible) and exit status 1.
    public static func out(_ text: String) {
        switch write(text, to: STDOUT_FILENO) {
        case .written: return
        case .closedPipe: exit(0)
        case .failed(let reason):
            _ = write("jumpstart-tui: can't write to standard output: \(reason).\n", to: STDERR_FILENO)
            exit(1)
        }
    }

    /// Writes to standard error; when even that fails there is no one left to tell, so the
    /// program goes on (a file already written stays written, and the exit status says how it went).
    public static func err(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    /// Call first thing: a standard stream that was closed (`>&-`) is held on /dev/null opened
    /// read-only, so no file the program opens later takes its number, and writes to it fail
    /// (EBADF) with a message instead of landing in that file.
    public static func holdClosedDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", O_RDONLY)
            if null >= 0, null != fd {
                dup2(null, fd)
                close(null)
            }
        }
        // A closed pipe is an error to handle (EPIPE), not a signal that kills mid-write.
        signal(SIGPIPE, SIG_IGN)
    }
}
