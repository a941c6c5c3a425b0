import Foundation
import JumpStartCore
import CCurlLoader

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
/// update key). libcurl does the work, loaded only when a fetch happens (`CCurlLoader`); it
/// honours HTTPS_PROXY, http_proxy and NO_PROXY from the environment, and keeps no cache.
public final class HTTPFetcher: Sendable {
    /// The base every path is appended to, without a trailing slash.
    public let base: String
    /// Seconds to connect, and seconds without a byte before a download is given up.
    public let timeout: TimeInterval
    public let retries: Int
    /// The first back-off; it doubles after each try.
    public let backoff: TimeInterval

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
        var result = jst_http_result()
        let seconds = max(1, Int(timeout.rounded(.up)))
        // A whole download (a few MB) may take longer than one quiet interval, but not forever.
        jst_http_get(address, seconds, seconds, max(seconds * 10, 60), "jumpstart-tui", &result)
        defer { jst_http_free(&result) }
        let message = withUnsafeBytes(of: result.error) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if result.curl_code != 0 {
            throw Self.describe(code: result.curl_code, message: message, url: address)
        }
        guard result.status == 200 else {
            let transient = result.status >= 500 || result.status == 429 || result.status == 408
            throw FetchError(url: address, reason: "the server answered HTTP \(result.status)", transient: transient)
        }
        let body = result.body.map { Data(bytes: $0, count: result.length) } ?? Data()
        if result.content_length > 0, Double(body.count) < result.content_length {
            throw FetchError(url: address, reason: "the download was cut off after \(body.count) of \(Int(result.content_length)) bytes", transient: true)
        }
        return body
    }

    /// libcurl's result codes (curl/curl.h) in words a person can act on.
    static func describe(code: Int32, message: String, url: String) -> FetchError {
        switch code {
        case -1:
            return FetchError(url: url, reason: "\(message); install libcurl (Debian: apt-get install libcurl4)", transient: false)
        case 28:
            return FetchError(url: url, reason: "no answer within the time-out", transient: true)
        case 7:
            return FetchError(url: url, reason: "could not connect (nothing listening, or a firewall)", transient: true)
        case 5, 6:
            return FetchError(url: url, reason: "the host name could not be resolved (offline, or a typo in the URL?)", transient: true)
        case 18:
            return FetchError(url: url, reason: "the download was cut off (\(message))", transient: true)
        case 52, 55, 56:
            return FetchError(url: url, reason: "the connection was lost without a whole answer (\(message))", transient: true)
        case 35, 51, 58, 59, 60, 77, 83, 90, 91:
            return FetchError(url: url, reason: "the TLS connection failed (\(message))", transient: false)
        case 1, 3:
            return FetchError(url: url, reason: "not a URL that can be fetched (\(message))", transient: false)
        default:
            return FetchError(url: url, reason: message.isEmpty ? "libcurl error \(code)" : message, transient: true)
        }
    }
}
