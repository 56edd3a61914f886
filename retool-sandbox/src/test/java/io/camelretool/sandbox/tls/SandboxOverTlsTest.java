package io.camelretool.sandbox.tls;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.junit.RetoolSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sandbox serving https as a self-hosted Retool behind a private CA: reachable only by a client trusting it. */
class SandboxOverTlsTest {

    @RegisterExtension
    static RetoolSandboxExtension retool = RetoolSandboxExtension.businessOverTls();

    @Test
    void aClientTrustingTheWrittenTrustStoreFileListsInvitesOverHttps() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(retool.tls().trustStorePath())) {
            trust.load(in, retool.tls().trustStorePassword().toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trustManagers.getTrustManagers(), null);

        HttpResponse<String> answer = send(HttpClient.newBuilder().sslContext(client).build());

        assertThat(retool.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"data\":[]");
        assertThat(trust.size()).as("the CA's certificate only, no key").isEqualTo(1);
    }

    @Test
    void aClientWithoutTheTrustStoreIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> send(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(retool.sandbox().requests()).isEmpty();
    }

    @Test
    void theSameMaterialServesEverySandboxOfTheJvmAndPlainSandboxesHaveNone() {
        try (RetoolSandbox second = RetoolSandbox.builder().tls().start();
             RetoolSandbox plain = RetoolSandbox.start()) {
            assertThat(second.tls()).isSameAs(retool.tls());
            assertThat(plain.baseUrl()).startsWith("http://");
            assertThatThrownBy(plain::tls).isInstanceOf(IllegalStateException.class).hasMessageContaining("tls()");
        }
    }

    private static HttpResponse<String> send(HttpClient client) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(retool.baseUrl() + "/api/v2/user_invites"))
                .header("Authorization", "Bearer " + retool.apiKey()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
