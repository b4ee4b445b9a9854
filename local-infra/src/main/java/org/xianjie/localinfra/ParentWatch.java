package org.xianjie.localinfra;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class in a child JVM and ends that JVM when the parent process goes away, so
 * that a killed test run or local stack never leaves a Kafka broker behind.
 * Usage: {@code ParentWatch <parent-pid> <main-class> [args...]}.
 */
public final class ParentWatch {

    private ParentWatch() {}

    public static void main(String[] args) throws Exception {
        long parent = Long.parseLong(args[0]);
        Thread watch = new Thread(
                () -> {
                    while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
                        try {
                            Thread.sleep(1_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    System.exit(0);
                },
                "parent-watch");
        watch.setDaemon(true);
        watch.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
