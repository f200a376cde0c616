package dev.reelforge.core.appauth;

import java.util.Collection;
import java.util.Optional;

/** Where Picovico apps are kept (an account's are added with it: {@code Accounts.add}). */
public interface PicovicoApps {

    Optional<PicovicoApp> findApp(String appId);

    /** Adds apps to an existing owner, all or none (an app id already taken fails the whole). */
    void addApps(Collection<PicovicoApp> apps);
}
