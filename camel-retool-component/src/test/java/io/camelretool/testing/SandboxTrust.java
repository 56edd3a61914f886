package io.camelretool.testing;

import io.camelretool.sandbox.tls.SandboxTls;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/** A sandbox's private CA as a Camel user configures trust: a trust store file and its password. */
public final class SandboxTrust {

    private SandboxTrust() {
    }

    public static SSLContextParameters trusting(SandboxTls tls) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + tls.trustStorePath());
        trustStore.setPassword(tls.trustStorePassword());
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }
}
