// Bridges the parts of ncursesw that Swift cannot import directly: macros, globals and
// variadic functions. Nothing here holds logic; each function is a one-line forward.
#ifndef POLAR_HOOKS_CNCURSES_SHIM_H
#define POLAR_HOOKS_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *ph_stdscr(void) { return stdscr; }
static inline int ph_lines(void) { return LINES; }
static inline int ph_cols(void) { return COLS; }
static inline int ph_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t ph_a_normal(void) { return A_NORMAL; }
static inline attr_t ph_a_bold(void) { return A_BOLD; }
static inline attr_t ph_a_dim(void) { return A_DIM; }
static inline attr_t ph_a_reverse(void) { return A_REVERSE; }
static inline attr_t ph_a_underline(void) { return A_UNDERLINE; }

static inline int ph_key_f(int n) { return KEY_F(n); }
static inline int ph_key_resize(void) { return KEY_RESIZE; }

/// Draws one cell: a short wide-char string (a base character plus combining marks).
static inline int ph_mvadd_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

static inline WINDOW *ph_curscr(void) { return curscr; }
static inline FILE *ph_stdin(void) { return stdin; }
static inline FILE *ph_stdout(void) { return stdout; }
static inline int ph_ok(void) { return OK; }
static inline int ph_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ph_key_mouse(void) { return KEY_MOUSE; }
static inline int ph_key_max(void) { return KEY_MAX; }

static inline mmask_t ph_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t ph_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t ph_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t ph_button5_pressed(void) { return 0; }
#endif

static inline const char *ph_codeset(void) { return nl_langinfo(CODESET); }
static inline int ph_setlocale_ctype(const char *name) { return setlocale(LC_CTYPE, name) != NULL; }

/// The window size the kernel records for the terminal on `fd` (ioctl is variadic).
static inline int ph_get_winsize(int fd, struct winsize *size) { return ioctl(fd, TIOCGWINSZ, size); }

static inline int ph_wget_wch(WINDOW *w, wint_t *out) { return wget_wch(w, out); }
static inline int ph_setlocale_all(void) { return setlocale(LC_ALL, "") != NULL; }

#endif
