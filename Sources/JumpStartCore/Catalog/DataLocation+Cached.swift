import Foundation

extension DataLocation {
    private static let found: Result<URL, CatalogError> = {
        do throws(CatalogError) { return .success(try find()) } catch { return .failure(error) }
    }()

    /// `find()` for this process's environment, searched once: the catalog, the region table and
    /// the price tables all live in the same folder.
    public static func cached() throws(CatalogError) -> URL {
        try found.get()
    }
}

/// The whole file as bytes, read with one `read(2)` loop into the array's own storage; nil when it
/// can't be opened or read.
func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        count = 0
        while count < size {
            let n = read(fd, buffer.baseAddress! + count, size - count)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { failed = n < 0; break }
            count += n
        }
    }
    return failed ? nil : bytes
}
