package dev.reelforge.core.oauth;

import dev.reelforge.core.Environment;
import java.security.SecureRandom;
import java.time.Instant;

/** A client being made: what is stored (the secret's hash) and what is shown once (the secret). */
public record NewOAuthClient(OAuthClient stored, CreatedClient shown) {

    public static NewOAuthClient generate(String owner, Environment environment, boolean managesExpiration,
            Instant now, SecureRandom random) {
        String clientId = OAuthClient.generateId(random);
        ClientSecret secret = ClientSecret.generate(random);
        return new NewOAuthClient(new OAuthClient(clientId, owner, environment, secret.hash(), managesExpiration, now),
                new CreatedClient(clientId, secret, managesExpiration));
    }
}
