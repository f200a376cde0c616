package dev.reelforge.core.appauth;

import dev.reelforge.core.Environment;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Gives an existing owner new Picovico apps (an account made before Picovico's face had none). */
public final class AddPicovicoApps {

    private final PicovicoApps apps;
    private final Clock clock;
    private final SecureRandom random;

    public AddPicovicoApps(PicovicoApps apps, Clock clock, SecureRandom random) {
        this.apps = apps;
        this.clock = clock;
        this.random = random;
    }

    public Map<Environment, CreatedApp> add(AddPicovicoAppsCommand command) {
        Instant now = clock.instant();
        Map<Environment, CreatedApp> created = new EnumMap<>(Environment.class);
        List<PicovicoApp> stored = new ArrayList<>();
        for (Environment environment : command.environments()) {
            NewPicovicoApp app = NewPicovicoApp.generate(command.owner(), environment, now, random);
            stored.add(app.stored());
            created.put(environment, app.shown());
        }
        apps.addApps(stored);
        return created;
    }
}
