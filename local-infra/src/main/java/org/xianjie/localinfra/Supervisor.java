package org.xianjie.localinfra;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Watches the local stack's children and starts again any that died, with a line saying so, as
 * Kubernetes would restart a pod. Closed first on shutdown, so that stopping the stack is not
 * mistaken for a crash.
 */
public final class Supervisor implements AutoCloseable {

    private record Child(String name, BooleanSupplier alive, Runnable restart) {}

    private final List<Child> children = new CopyOnWriteArrayList<>();
    private final PrintStream out;
    private final Thread thread;
    private volatile boolean running = true;

    public Supervisor(PrintStream out) {
        this.out = out;
        thread = new Thread(this::watch, "xianjie-supervisor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Watches {@code name}: when {@code alive} turns false, {@code restart} runs (and waits until it is ready). */
    public void watch(String name, BooleanSupplier alive, Runnable restart) {
        children.add(new Child(name, alive, restart));
    }

    private void watch() {
        while (running) {
            for (Child child : children) {
                if (!running || child.alive().getAsBoolean()) {
                    continue;
                }
                out.println(child.name() + " is not running; restarting it ...");
                long begin = System.nanoTime();
                try {
                    child.restart().run();
                    out.printf("%s restarted in %d ms%n", child.name(), (System.nanoTime() - begin) / 1_000_000);
                } catch (RuntimeException e) {
                    out.println(child.name() + " did not restart (" + e.getMessage() + "); trying again");
                }
            }
            Ports.sleep(1_000);
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
