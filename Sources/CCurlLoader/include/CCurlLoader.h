// libcurl, loaded with dlopen only by the commands that fetch: linked into the program, libcurl
// and its TLS and Kerberos libraries would cost every start about 9 ms (measured), and the
// program starts for many commands that never touch the network.
#ifndef CCURLLOADER_H
#define CCURLLOADER_H

#include <stddef.h>

/// The body and outcome of one GET.
typedef struct {
    char *body;          // malloc'ed; free with jst_http_free
    size_t length;
    long status;         // HTTP status, 0 when there was no answer
    int curl_code;       // CURLcode, 0 on success
    double content_length; // Content-Length announced, -1 when none
    char error[256];     // libcurl's words for a failure
} jst_http_result;

/// Loads libcurl.so.4 once; returns 0, or -1 with a reason in `why` (64+ bytes).
int jst_curl_load(char *why, size_t why_size);

/// GET `url`: `connect_timeout` seconds to connect, and the transfer ends when fewer than one byte a
/// second arrives for `stall_timeout` seconds or after `total_timeout` seconds. Proxies come from
/// the environment as libcurl reads them (http_proxy, HTTPS_PROXY, NO_PROXY). Thread-safe.
void jst_http_get(const char *url, long connect_timeout, long stall_timeout, long total_timeout,
                  const char *user_agent, jst_http_result *result);

void jst_http_free(jst_http_result *result);

#endif
