#include "CCurlLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The few libcurl declarations used, from its stable ABI (curl/curl.h), so no headers are needed.
typedef void CURL;
typedef int CURLcode;
typedef int CURLoption;
typedef int CURLINFO;
enum {
    OPT_URL = 10002, OPT_WRITEDATA = 10001, OPT_WRITEFUNCTION = 20011, OPT_USERAGENT = 10018,
    OPT_CONNECTTIMEOUT = 78, OPT_TIMEOUT = 13, OPT_LOW_SPEED_LIMIT = 19, OPT_LOW_SPEED_TIME = 20,
    OPT_NOSIGNAL = 99, OPT_FOLLOWLOCATION = 52, OPT_MAXREDIRS = 68, OPT_ERRORBUFFER = 10010,
    OPT_ACCEPT_ENCODING = 10102, OPT_PROTOCOLS_STR = 10318,
    INFO_RESPONSE_CODE = 0x200002, INFO_CONTENT_LENGTH_DOWNLOAD_T = 0x600000 + 15,
};

static CURL *(*p_easy_init)(void);
static CURLcode (*p_easy_setopt)(CURL *, CURLoption, ...);
static CURLcode (*p_easy_perform)(CURL *);
static CURLcode (*p_easy_getinfo)(CURL *, CURLINFO, ...);
static void (*p_easy_cleanup)(CURL *);
static const char *(*p_easy_strerror)(CURLcode);
static CURLcode (*p_global_init)(long);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char load_error[200];
static int loaded = 0;

static void load(void) {
    void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(load_error, sizeof load_error, "libcurl (libcurl.so.4) could not be loaded: %s", dlerror());
        return;
    }
    p_easy_init = (CURL * (*)(void)) dlsym(lib, "curl_easy_init");
    p_easy_setopt = (CURLcode(*)(CURL *, CURLoption, ...)) dlsym(lib, "curl_easy_setopt");
    p_easy_perform = (CURLcode(*)(CURL *)) dlsym(lib, "curl_easy_perform");
    p_easy_getinfo = (CURLcode(*)(CURL *, CURLINFO, ...)) dlsym(lib, "curl_easy_getinfo");
    p_easy_cleanup = (void (*)(CURL *)) dlsym(lib, "curl_easy_cleanup");
    p_easy_strerror = (const char *(*)(CURLcode)) dlsym(lib, "curl_easy_strerror");
    p_global_init = (CURLcode(*)(long)) dlsym(lib, "curl_global_init");
    if (!p_easy_init || !p_easy_setopt || !p_easy_perform || !p_easy_getinfo || !p_easy_cleanup || !p_easy_strerror || !p_global_init) {
        snprintf(load_error, sizeof load_error, "libcurl was found but lacks curl_easy_* functions");
        return;
    }
    p_global_init(3 /* CURL_GLOBAL_ALL */);
    loaded = 1;
}

int jst_curl_load(char *why, size_t why_size) {
    pthread_once(&once, load);
    if (!loaded && why && why_size) snprintf(why, why_size, "%s", load_error);
    return loaded ? 0 : -1;
}

typedef struct { char *data; size_t length, capacity; int failed; } buffer;

static size_t on_data(char *ptr, size_t size, size_t count, void *user) {
    buffer *b = (buffer *)user;
    size_t n = size * count;
    if (b->length + n + 1 > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 65536;
        while (b->length + n + 1 > capacity) capacity *= 2;
        char *grown = realloc(b->data, capacity);
        if (!grown) { b->failed = 1; return 0; }
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, ptr, n);
    b->length += n;
    b->data[b->length] = 0;
    return n;
}

void jst_http_get(const char *url, long connect_timeout, long stall_timeout, long total_timeout,
                  const char *user_agent, jst_http_result *result) {
    memset(result, 0, sizeof *result);
    result->content_length = -1;
    if (jst_curl_load(result->error, sizeof result->error) != 0) { result->curl_code = -1; return; }
    CURL *curl = p_easy_init();
    if (!curl) { result->curl_code = -1; snprintf(result->error, sizeof result->error, "curl_easy_init failed"); return; }
    buffer b = {0};
    char errbuf[256] = {0};
    p_easy_setopt(curl, OPT_URL, url);
    p_easy_setopt(curl, OPT_WRITEFUNCTION, on_data);
    p_easy_setopt(curl, OPT_WRITEDATA, &b);
    p_easy_setopt(curl, OPT_ERRORBUFFER, errbuf);
    p_easy_setopt(curl, OPT_NOSIGNAL, 1L);
    p_easy_setopt(curl, OPT_CONNECTTIMEOUT, connect_timeout);
    p_easy_setopt(curl, OPT_LOW_SPEED_LIMIT, 1L);
    p_easy_setopt(curl, OPT_LOW_SPEED_TIME, stall_timeout);
    p_easy_setopt(curl, OPT_TIMEOUT, total_timeout);
    p_easy_setopt(curl, OPT_FOLLOWLOCATION, 1L);
    p_easy_setopt(curl, OPT_MAXREDIRS, 3L);
    p_easy_setopt(curl, OPT_PROTOCOLS_STR, "http,https");
    p_easy_setopt(curl, OPT_ACCEPT_ENCODING, "");
    if (user_agent) p_easy_setopt(curl, OPT_USERAGENT, user_agent);
    CURLcode code = p_easy_perform(curl);
    long status = 0;
    p_easy_getinfo(curl, INFO_RESPONSE_CODE, &status);
    long long announced = -1;
    if (p_easy_getinfo(curl, INFO_CONTENT_LENGTH_DOWNLOAD_T, &announced) == 0) result->content_length = (double)announced;
    p_easy_cleanup(curl);
    result->status = status;
    result->curl_code = b.failed ? 27 /* CURLE_OUT_OF_MEMORY */ : code;
    if (result->curl_code != 0) {
        snprintf(result->error, sizeof result->error, "%s", errbuf[0] ? errbuf : p_easy_strerror(result->curl_code));
        free(b.data);
        return;
    }
    result->body = b.data;
    result->length = b.length;
}

void jst_http_free(jst_http_result *result) {
    free(result->body);
    result->body = NULL;
    result->length = 0;
}
