// A small C shim over libedit for hwbsh. Swift 6 cannot call C variadic functions
// (el_set, el_get, history) nor name stdin/stdout, so those calls live here.
#ifndef HWBSH_CLIBEDIT_SHIM_H
#define HWBSH_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/// Completion callback: given the line up to the cursor, returns a malloc'd string whose
/// first line is the text to insert at the cursor and whose further lines (if any) are
/// the candidates to list; NULL to ring the bell.
typedef char *_Nullable (*hwb_completer)(void *_Nullable context, const char *_Nonnull line);

typedef struct hwb_editor {
    EditLine *_Nullable el;
    History *_Nullable history;
    char *_Nullable prompt;
    hwb_completer _Nullable complete;
    void *_Nullable context;
} hwb_editor;

static inline char *hwb_editor_prompt(EditLine *el) {
    hwb_editor *editor = NULL;
    el_get(el, EL_CLIENTDATA, &editor);
    return editor && editor->prompt ? editor->prompt : (char *)"";
}

static inline unsigned char hwb_editor_complete(EditLine *el, int ch) {
    (void)ch;
    hwb_editor *editor = NULL;
    el_get(el, EL_CLIENTDATA, &editor);
    if (!editor || !editor->complete) return CC_ERROR;
    const LineInfo *info = el_line(el);
    size_t length = (size_t)(info->cursor - info->buffer);
    char *upToCursor = malloc(length + 1);
    if (!upToCursor) return CC_ERROR;
    memcpy(upToCursor, info->buffer, length);
    upToCursor[length] = 0;
    char *result = editor->complete(editor->context, upToCursor);
    free(upToCursor);
    if (!result) return CC_ERROR;
    char *listing = strchr(result, '\n');
    if (listing) *listing++ = 0;
    unsigned char status = CC_REFRESH;
    if (*result) el_insertstr(el, result);
    if (listing && *listing) {
        fputs("\n", stdout);
        fputs(listing, stdout);
        fflush(stdout);
        status = CC_REDISPLAY;
    } else if (!*result) {
        status = CC_ERROR;
    }
    free(result);
    return status;
}

static volatile sig_atomic_t hwb_interrupted = 0;

static inline void hwb_on_interrupt(int signal) {
    (void)signal;
    hwb_interrupted = 1;
}

/// Installs a SIGINT handler without SA_RESTART, so that Ctrl-C interrupts the read
/// inside el_gets instead of killing the shell.
static inline void hwb_catch_interrupts(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = hwb_on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
}

/// Sets the character type from the environment, falling back to C.UTF-8 when that is not
/// UTF-8 (LANG unset or C, common over ssh and in containers). Returns 1 when UTF-8 is in
/// use: libedit then reads and shows non-ASCII text; without it, it must see ASCII only.
static inline int hwb_use_utf8_locale(void) {
    setlocale(LC_CTYPE, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    setlocale(LC_CTYPE, "");
    return 0;
}

/// Opens the editor on the terminal (stdin/stdout), emacs keys, Ctrl-R incremental
/// search, Tab completion and ~/.editrc. Returns 0 on success.
static inline int hwb_editor_open(hwb_editor *editor, const char *program) {
    editor->el = el_init(program, stdin, stdout, stderr);
    if (!editor->el) return -1;
    editor->history = history_init();
    if (!editor->history) return -1;
    HistEvent event;
    history(editor->history, &event, H_SETSIZE, 1000);
    history(editor->history, &event, H_SETUNIQUE, 1);
    el_set(editor->el, EL_CLIENTDATA, editor);
    el_set(editor->el, EL_EDITOR, "emacs");
    el_set(editor->el, EL_SIGNAL, 1);
    el_set(editor->el, EL_PROMPT, hwb_editor_prompt);
    el_set(editor->el, EL_HIST, history, editor->history);
    el_set(editor->el, EL_ADDFN, "hwb-complete", "complete the word", hwb_editor_complete);
    el_set(editor->el, EL_BIND, "^I", "hwb-complete", NULL);
    el_set(editor->el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    el_source(editor->el, NULL);
    hwb_catch_interrupts();
    return 0;
}

/// Reads a line. Returns it (with its newline), or NULL with *interrupted set to 1 for
/// Ctrl-C and 0 for end of input (Ctrl-D on an empty line).
static inline const char *_Nullable hwb_editor_gets(hwb_editor *editor, int *interrupted) {
    int count = 0;
    hwb_interrupted = 0;
    errno = 0;
    const char *line = el_gets(editor->el, &count);
    *interrupted = (line == NULL || count <= 0) && (hwb_interrupted || errno == EINTR);
    if (*interrupted) {
        el_reset(editor->el);
        return NULL;
    }
    return count > 0 ? line : NULL;
}

static inline void hwb_history_clear(hwb_editor *editor) {
    HistEvent event;
    history(editor->history, &event, H_CLEAR);
}

static inline void hwb_history_add(hwb_editor *editor, const char *line) {
    HistEvent event;
    history(editor->history, &event, H_ENTER, line);
}

static inline void hwb_editor_close(hwb_editor *editor) {
    if (editor->el) el_end(editor->el);
    if (editor->history) history_end(editor->history);
    editor->el = NULL;
    editor->history = NULL;
}

/// The width of the terminal on `fd` in columns, or 0 when it is not a terminal.
static inline int hwb_terminal_width(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

/// The height of the terminal on `fd` in lines, or 0 when it is not a terminal.
static inline int hwb_terminal_height(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_row;
}

#endif
