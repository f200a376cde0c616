package dev.reelforge.core.appauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Picovico's {@code POST /login/app}: an app id and its secret buy a new access pair of the app's owner and
 * environment, living {@link #ACCESS_LIFETIME} (Picovico documents no lifetime and no logout; a client that gets a
 * 401 logs in again, as the SDKs do). Every login makes a new pair; earlier ones stay valid until they expire.
 */
public final class LogInApp {

    public static final Duration ACCESS_LIFETIME = Duration.ofDays(30);

    private final PicovicoApps apps;
    private final AccessPairs pairs;
    private final Clock clock;
    private final SecureRandom random;

    public LogInApp(PicovicoApps apps, AccessPairs pairs, Clock clock, SecureRandom random) {
        this.apps = apps;
        this.pairs = pairs;
        this.clock = clock;
        this.random = random;
    }

    public LogInAppResult logIn(LogInAppCommand command) {
        Optional<PicovicoApp> app = Optional.of(command.appId()).filter(PicovicoApp::wellFormedId)
                .flatMap(apps::findApp);
        if (app.isEmpty()) {
            return new LogInAppResult.UnknownApp();
        }
        if (!app.get().accepts(command.secret())) {
            return new LogInAppResult.WrongSecret();
        }
        Instant expires = clock.instant().plus(ACCESS_LIFETIME);
        AccessPair pair = AccessPair.generate(random);
        pairs.add(new IssuedAccess(pair.keyHash(), pair.tokenHash(), app.get().owner(), app.get().environment(),
                app.get().appId(), expires));
        return new LogInAppResult.LoggedIn(pair, app.get().owner(), expires);
    }
}
