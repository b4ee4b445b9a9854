package org.xianjie.notification.service;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs async steps one after the other on one connection (a connection runs one query at a time). */
final class Sequential {

    private Sequential() {}

    static <T, R> Uni<List<R>> map(List<T> items, Function<T, Uni<R>> step) {
        Uni<List<R>> chain = Uni.createFrom().item(new ArrayList<>());
        for (T item : items) {
            chain = chain.chain(results -> step.apply(item).map(r -> {
                results.add(r);
                return results;
            }));
        }
        return chain;
    }
}
