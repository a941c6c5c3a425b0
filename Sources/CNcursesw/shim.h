#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, so ask for the wide-character API here.
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals Swift cannot see (or rejects as not concurrency-safe) reached through functions.
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_color_pair(int n) { return COLOR_PAIR(n); }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_err(void) { return ERR; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cn_key_f0(void) { return KEY_F0; }
// newterm on the process's stdout and stdin (globals Swift 6 rejects); NULL when TERM is unusable.
static inline SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }

// True when the current locale's character set (after setlocale(LC_ALL, "")) is UTF-8.
static inline int cn_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0);
}

// Leaves curses mode if it is on. Safe to call at any time, any number of times: it keeps no
// state of its own (isendwin says whether endwin already ran), so every copy of these static
// functions behaves the same.
static inline void cn_restore_terminal(void) {
    if (!isendwin()) endwin();
}

// Restores the terminal, then lets the signal do what it would have done (terminate, with the
// shell reporting 128 + signal). endwin is not async-signal-safe, but it is what every curses
// program does here, and the process is about to end anyway.
static void cn_restore_on_signal(int sig) {
    cn_restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);  // blocked until this handler returns, then delivered with the default action
}

static void cn_restore_at_exit(void) { cn_restore_terminal(); }

// Installs cn_restore_on_signal for SIGINT, SIGTERM, SIGHUP and SIGQUIT (replacing the handlers
// ncurses installs for some of them) and cn_restore_at_exit with atexit. Call after newterm.
static inline void cn_install_restore_handlers(void) {
    static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cn_restore_on_signal;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        sigaction(signals[i], &action, NULL);
    }
    atexit(cn_restore_at_exit);
}
#endif
