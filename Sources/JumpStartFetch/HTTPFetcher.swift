import Foundation
import JumpStartCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why a download failed, in words a person can act on.
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public var url: String
    public var reason: String
    /// Worth trying again: a time-out, a dropped connection, a 5xx or 429 answer.
    public var transient: Bool

    public var description: String { "\(url): \(reason)" }
}

/// GETs over HTTP(S) with time-outs and a few retries with back-off: the only network code of
/// the program, used by the commands that exist to fetch (`pricing update`, and the wizard's
/// update key). An ephemeral session: no cookies, no cache on disk. libcurl honours HTTPS_PROXY,
/// HTTP_PROXY (as http_proxy) and NO_PROXY from the environment.
public final class HTTPFetcher: Sendable {
    /// The base every path is appended to, without a trailing slash.
    public let base: String
    public let timeout: TimeInterval
    public let retries: Int
    /// The first back-off; it doubles after each try.
    public let backoff: TimeInterval
    private let configuration: URLSessionConfiguration

    /// Checks `base` is an http(s) URL with a host.
    public static func validate(endpoint: String) -> String? {
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else {
            return "\(TerminalSafe.text(endpoint, limit: 100)) is not an http(s) URL; give one like https://pricing.us-east-1.amazonaws.com"
        }
        if url.query != nil || url.fragment != nil { return "give the endpoint URL without a query or fragment" }
        return nil
    }

    public init(base: String, timeout: TimeInterval = 30, retries: Int = 2, backoff: TimeInterval = 0.5) {
        var b = base
        while b.hasSuffix("/") { b.removeLast() }
        self.base = b
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        // A whole download (a few MB) gets longer than one quiet interval, but not forever.
        configuration.timeoutIntervalForResource = max(timeout * 10, 60)
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpAdditionalHeaders = ["User-Agent": "jumpstart-tui"]
        self.configuration = configuration
    }

    /// `base` + `path` (a path from the server, `/offers/…`, appended as given).
    public func url(_ path: String) -> String { base + (path.hasPrefix("/") ? path : "/" + path) }

    /// The body of `path`, trying again after transient failures.
    public func get(_ path: String) throws(FetchError) -> Data {
        var attempt = 0
        var delay = backoff
        while true {
            do throws(FetchError) {
                return try getOnce(url(path))
            } catch {
                guard error.transient, attempt < retries else { throw error }
                attempt += 1
                Thread.sleep(forTimeInterval: delay)
                delay *= 2
            }
        }
    }

    private func getOnce(_ address: String) throws(FetchError) -> Data {
        guard let url = URL(string: address) else { throw FetchError(url: address, reason: "not a valid URL", transient: false) }
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<Data, FetchError> = .failure(FetchError(url: address, reason: "no answer", transient: true))
        // One session per request: with a shared one, libcurl queues parallel requests to the
        // same host behind one connection and wakes the queued ones only once a second.
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request) { data, response, error in
            defer { done.signal() }
            if let error {
                outcome = .failure(Self.describe(error, url: address))
                return
            }
            guard let http = response as? HTTPURLResponse else {
                outcome = .failure(FetchError(url: address, reason: "not an HTTP answer", transient: false))
                return
            }
            guard http.statusCode == 200 else {
                let transient = http.statusCode >= 500 || http.statusCode == 429 || http.statusCode == 408
                outcome = .failure(FetchError(url: address, reason: "the server answered HTTP \(http.statusCode)", transient: transient))
                return
            }
            let body = data ?? Data()
            if http.expectedContentLength > 0, Int64(body.count) < http.expectedContentLength {
                outcome = .failure(FetchError(url: address, reason: "the download was cut off after \(body.count) of \(http.expectedContentLength) bytes", transient: true))
                return
            }
            outcome = .success(body)
        }
        task.resume()
        done.wait()
        return try outcome.get()
    }

    static func describe(_ error: Error, url: String) -> FetchError {
        let e = error as NSError
        if e.domain == NSURLErrorDomain {
            switch e.code {
            case NSURLErrorTimedOut:
                return FetchError(url: url, reason: "no answer within the time-out", transient: true)
            case NSURLErrorCannotConnectToHost:
                return FetchError(url: url, reason: "could not connect (nothing listening, or a firewall)", transient: true)
            case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed:
                return FetchError(url: url, reason: "the host name could not be resolved (offline, or a typo in the URL?)", transient: true)
            case NSURLErrorNetworkConnectionLost:
                return FetchError(url: url, reason: "the connection was lost during the download", transient: true)
            case NSURLErrorNotConnectedToInternet:
                return FetchError(url: url, reason: "not connected to a network", transient: false)
            case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
                 NSURLErrorServerCertificateNotYetValid, NSURLErrorServerCertificateHasUnknownRoot:
                return FetchError(url: url, reason: "the TLS connection failed (\(e.localizedDescription))", transient: false)
            default: break
            }
        }
        // libcurl's words for a body shorter than its Content-Length.
        if e.localizedDescription.contains("transfer closed with") {
            return FetchError(url: url, reason: "the download was cut off (\(e.localizedDescription))", transient: true)
        }
        return FetchError(url: url, reason: e.localizedDescription, transient: true)
    }
}
