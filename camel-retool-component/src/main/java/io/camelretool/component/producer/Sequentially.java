package io.camelretool.component.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Runs asynchronous steps one after the other, in input order. The chain is built in a loop rather than by
 * recursion, so a list of many thousand items whose steps complete at once does not grow the stack.
 */
final class Sequentially {

    private Sequentially() {
    }

    /** Applies {@code step} (given the item and its index) to each item in turn; stops at the first failure. */
    static <T, R> CompletableFuture<List<R>> map(List<T> items, BiFunction<T, Integer, CompletableFuture<R>> step) {
        List<R> results = new ArrayList<>(items.size());
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            int index = i;
            chain = chain.thenCompose(ignored -> step.apply(item, index)).thenAccept(results::add);
        }
        return chain.thenApply(ignored -> results);
    }
}
