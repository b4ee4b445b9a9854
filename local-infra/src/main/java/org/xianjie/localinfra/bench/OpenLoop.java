package org.xianjie.localinfra.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load: request {@code i} is due at {@code start + i / rate}, whether or not earlier ones
 * have answered, and its latency counts from when it was due (no coordinated omission: a stalled
 * server makes every waiting request late, as it would for the agencies' systems).
 */
final class OpenLoop {

    /** What one request answered: an HTTP status, or -1 for an error without one. */
    record Result(
            Histogram latencyMicros,
            int sent,
            int ok,
            int rejected,
            int failed,
            double seconds,
            double achievedPerSecond) {}

    private OpenLoop() {}

    /**
     * Sends {@code rate * seconds} requests at {@code rate} per second; {@code request.apply(i)}
     * starts request {@code i} and completes with its status. 2xx counts as ok, 429/503 as rejected
     * at the door, anything else as failed.
     */
    static Result run(double rate, double seconds, IntFunction<CompletableFuture<Integer>> request)
            throws InterruptedException {
        int total = Math.max(1, (int) Math.round(rate * seconds));
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        ConcurrentLinkedQueue<long[]> done = new ConcurrentLinkedQueue<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<?>[] all = new CompletableFuture<?>[total];
        long start = System.nanoTime();
        long interval = (long) (1_000_000_000L / rate);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            CompletableFuture<Integer> call;
            try {
                call = request.apply(i);
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            all[i] = call.handle((status, failure) -> {
                long end = System.nanoTime();
                int code = failure != null || status == null ? -1 : status;
                if (code >= 200 && code < 300) {
                    ok.incrementAndGet();
                    done.add(new long[] {due, end});
                } else if (code == 429 || code == 503) {
                    rejected.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                return null;
            });
        }
        CompletableFuture.allOf(all)
                .orTimeout(120, TimeUnit.SECONDS)
                .exceptionally(t -> null)
                .join();
        long last = start;
        for (long[] d : done) {
            histogram.recordValue(Math.max(0, (d[1] - d[0]) / 1_000));
            last = Math.max(last, d[1]);
        }
        double elapsed = Math.max(seconds, (last - start) / 1e9);
        return new Result(histogram, total, ok.get(), rejected.get(), failed.get(), elapsed, ok.get() / elapsed);
    }
}
