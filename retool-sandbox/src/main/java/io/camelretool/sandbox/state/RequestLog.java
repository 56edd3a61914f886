package io.camelretool.sandbox.state;

import io.camelretool.sandbox.RecordedRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The most recent API requests, oldest first. Bounded so that a long benchmark cannot exhaust the heap: past the
 * capacity the oldest entries are forgotten.
 */
public final class RequestLog {

    /** How many requests are kept by default. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final ConcurrentLinkedDeque<RecordedRequest> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    public RequestLog(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("request log capacity must be positive; got " + capacity);
        }
        this.capacity = capacity;
    }

    public void add(RecordedRequest request) {
        entries.addLast(request);
        if (size.incrementAndGet() > capacity && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    public List<RecordedRequest> all() {
        return new ArrayList<>(entries);
    }

    /** How many kept requests have this method and a path starting with {@code pathPrefix}. */
    public long count(String method, String pathPrefix) {
        return entries.stream()
                .filter(request -> request.method().equalsIgnoreCase(method))
                .filter(request -> request.path().startsWith(pathPrefix))
                .count();
    }

    public void clear() {
        entries.clear();
        size.set(0);
    }
}
