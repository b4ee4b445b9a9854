package org.xianjie.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Ends a process when the JVM that started it goes away, however it goes (SIGKILL included), for
 * children that {@link ParentWatch} cannot wrap: service JVMs and the PostgreSQL postmaster, which
 * pg_ctl detaches. A small bash watcher holds a pipe from this JVM; the kernel closes the pipe when
 * this JVM dies, the watcher reads end-of-file and stops the child (the given signal, then SIGKILL
 * after ten seconds). The watcher ends by itself when the child ends.
 */
public final class ChildGuard {

    // The watcher ignores SIGHUP and SIGINT: a closed terminal or tmux pane and Ctrl-C reach the
    // whole process group, and the watcher must outlive the launcher to do its work.
    private static final String SCRIPT = """
            trap '' HUP INT
            child=$1; signal=$2
            while kill -0 "$child" 2>/dev/null; do
              read -r -t 1 _; rc=$?
              if [ "$rc" -ne 0 ] && [ "$rc" -le 128 ]; then
                kill -"$signal" "$child" 2>/dev/null
                for _ in $(seq 20); do kill -0 "$child" 2>/dev/null || exit 0; sleep 0.5; done
                kill -KILL "$child" 2>/dev/null
                exit 0
              fi
            done
            """;

    private ChildGuard() {}

    /** Guards {@code pid}; {@code signal} is the polite one (TERM for a JVM, INT for PostgreSQL's fast shutdown). */
    public static Process guard(long pid, String signal) {
        try {
            // The watcher's stdin stays a pipe from this JVM: its end-of-file is the signal.
            return new ProcessBuilder(List.of("bash", "-c", SCRIPT, "child-guard", Long.toString(pid), signal))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a guard for process " + pid, e);
        }
    }
}
