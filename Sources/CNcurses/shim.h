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
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *ph_stdscr(void) { return stdscr; }
static inline int ph_lines(void) { return LINES; }
static inline int ph_cols(void) { return COLS; }
static inline int ph_colors(void) { return COLORS; }
static inline int ph_color_pairs(void) { return COLOR_PAIRS; }
static inline int ph_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int ph_getmaxx(WINDOW *w) { return getmaxx(w); }

static inline attr_t ph_a_normal(void) { return A_NORMAL; }
static inline attr_t ph_a_bold(void) { return A_BOLD; }
static inline attr_t ph_a_dim(void) { return A_DIM; }
static inline attr_t ph_a_reverse(void) { return A_REVERSE; }
static inline attr_t ph_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ph_a_italic(void) { return A_ITALIC; }
static inline attr_t ph_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

static inline int ph_key_f(int n) { return KEY_F(n); }
static inline int ph_key_resize(void) { return KEY_RESIZE; }

/// Draws one cell: a short wide-char string (a base character plus combining marks).
static inline int ph_mvadd_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

/// Draws a line-drawing character from the alternate character set.
static inline int ph_mvadd_acs(int y, int x, char which, attr_t attrs, short pair) {
    chtype ch;
    switch (which) {
    case 'q': ch = ACS_HLINE; break;
    case 'x': ch = ACS_VLINE; break;
    case 'l': ch = ACS_ULCORNER; break;
    case 'k': ch = ACS_URCORNER; break;
    case 'm': ch = ACS_LLCORNER; break;
    case 'j': ch = ACS_LRCORNER; break;
    default: ch = (chtype)which; break;
    }
    return mvaddch(y, x, ch | attrs | COLOR_PAIR(pair));
}

static inline int ph_wget_wch(WINDOW *w, wint_t *out) { return wget_wch(w, out); }
static inline int ph_setlocale_all(void) { return setlocale(LC_ALL, "") != NULL; }
static inline int ph_wcwidth(wchar_t c) { return wcwidth(c); }

#endif
