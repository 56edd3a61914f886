package io.camelretool.sandbox.http;

import io.camelretool.sandbox.SandboxInvite;
import io.camelretool.sandbox.TestClient;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentCreationTest {

    private static final int THREADS = 16;
    private static final int INVITES_PER_THREAD = 25;

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.business();

    @Test
    void createsExactlyOneInvitePerRequestFromManyThreads() throws Exception {
        TestClient client = new TestClient(retool.sandbox());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> okCounts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                okCounts.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < INVITES_PER_THREAD; i++) {
                        String body = "{\"email\":\"t" + thread + "-" + i + "@example.com\"}";
                        if (client.post("/api/v2/user_invites", body).statusCode() == 200) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> count : okCounts) {
                total += count.get();
            }

            int expected = THREADS * INVITES_PER_THREAD;
            assertThat(total).isEqualTo(expected);
            List<SandboxInvite> invites = retool.sandbox().invites();
            assertThat(invites).hasSize(expected);
            assertThat(invites).extracting(SandboxInvite::id).doesNotHaveDuplicates();
            assertThat(invites).extracting(SandboxInvite::email).doesNotHaveDuplicates();
            assertThat(retool.sandbox().requestCount("POST", "/api/v2/user_invites")).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }
}
