package io.camelretool.component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.camelretool.component.model.InviteResult;
import io.camelretool.component.model.InviteStatus;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitAndConcurrencyTest extends RetoolTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:invite").to("retool:invite?skipExisting=false");
                // two endpoints, one limit: they share the base URL and key
                from("direct:limitedA").to("retool:invite?rateLimitPerMinute=600&skipExisting=false");
                from("direct:limitedB").to("retool:invite?rateLimitPerMinute=600&skipExisting=false&defaultGroupIds=1");
            }
        };
    }

    @Test
    void keepsTheSandboxLimitWithoutASingle429AcrossEndpointsSharingAKey() {
        sandbox().setRateLimitPerMinute(600);
        List<CompletableFuture<Exchange>> sent = IntStream.range(0, 30)
                .mapToObj(i -> template.asyncSend(i % 2 == 0 ? "direct:limitedA" : "direct:limitedB",
                        exchange -> exchange.getMessage().setBody("burst" + i + "@example.com")))
                .toList();

        sent.forEach(future -> assertThat(future.join().getException()).isNull());
        assertThat(sandbox().invites()).hasSize(30);
        assertThat(sandbox().requests()).noneMatch(request -> request.status() == 429);
    }

    @Test
    void completesTwoHundredConcurrentExchangesWithASmallThreadPool() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Exchange>> sent = IntStream.range(0, 200)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> template.asyncSend("direct:invite",
                            exchange -> exchange.getMessage().setBody("user" + i + "@example.com")), callers)
                            .thenCompose(future -> future))
                    .toList();

            for (CompletableFuture<Exchange> future : sent) {
                Exchange exchange = future.join();
                assertThat(exchange.getException()).isNull();
                assertThat(exchange.getMessage().getBody(InviteResult.class).status()).isEqualTo(InviteStatus.INVITED);
            }
        } finally {
            callers.shutdown();
        }
        assertThat(sandbox().invites()).hasSize(200);
    }
}
