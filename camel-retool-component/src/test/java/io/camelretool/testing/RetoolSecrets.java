package io.camelretool.testing;

import java.util.ArrayList;
import java.util.List;

import io.camelretool.sandbox.RetoolSandbox;
import io.camelretool.sandbox.SandboxInvite;

/** The credentials a Retool hands out, as a sandbox knows them: its API key, every Embed URL and invite link. */
public final class RetoolSecrets {

    private RetoolSecrets() {
    }

    public static List<SecretScan.Secret> of(RetoolSandbox retool) {
        List<SecretScan.Secret> secrets = new ArrayList<>();
        secrets.add(new SecretScan.Secret("the API key", retool.apiKey()));
        // the token is what logs a person in; a log line may cut the URL but not keep the token
        retool.embedUrls().forEach(url -> secrets.add(new SecretScan.Secret("an Embed URL's token",
                url.substring(url.indexOf("token=") + "token=".length()))));
        for (SandboxInvite invite : retool.invites()) {
            secrets.add(new SecretScan.Secret("an invite link", invite.inviteLink()));
        }
        return secrets;
    }
}
