package dev.reelforge.core.appauth;

import dev.reelforge.core.Environment;
import java.security.SecureRandom;
import java.time.Instant;

/** An app being made: what is stored (the secret's hash) and what is shown once (the secret). */
public record NewPicovicoApp(PicovicoApp stored, CreatedApp shown) {

    public static NewPicovicoApp generate(String owner, Environment environment, Instant now, SecureRandom random) {
        String appId = PicovicoApp.generateId(random);
        AppSecret secret = AppSecret.generate(random);
        return new NewPicovicoApp(new PicovicoApp(appId, owner, environment, secret.hash(), now),
                new CreatedApp(appId, secret));
    }
}
