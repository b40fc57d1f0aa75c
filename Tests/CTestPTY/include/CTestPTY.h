// A pseudo-terminal for hwbsh's interactive tests: the program is spawned as the leader
// of a new session with the pty's slave as its controlling terminal on fds 0, 1 and 2,
// so that it sees a terminal (isatty, a window size, libedit) and Ctrl-C typed on the
// master reaches it as SIGINT through the line discipline.
#ifndef HWBSH_CTESTPTY_H
#define HWBSH_CTESTPTY_H

#include <sys/types.h>

/// Spawns `path` with `argv` and `envp` (NULL-terminated) in `directory` on a new
/// pseudo-terminal of `rows` x `columns`. Returns the master's file descriptor (close on
/// exec, so that no other child inherits it) and sets `*pid`; -1 with errno on failure.
int hwb_pty_spawn(const char *_Nonnull path, char *_Nullable const *_Nonnull argv,
                  char *_Nullable const *_Nonnull envp, const char *_Nullable directory,
                  unsigned short rows, unsigned short columns, pid_t *_Nonnull pid);

/// Gives the terminal on `master` a new size; the kernel sends SIGWINCH to the program
/// in its foreground, as when a person resizes the window. Returns 0, or -1 with errno.
int hwb_pty_resize(int master, unsigned short rows, unsigned short columns);

/// The exit status of a child that exited, or -1 with `*signal` set when a signal ended
/// it. From `waitpid`'s status word (the W* macros are not visible to Swift).
int hwb_pty_exit_status(int status, int *_Nonnull signal);

#endif
