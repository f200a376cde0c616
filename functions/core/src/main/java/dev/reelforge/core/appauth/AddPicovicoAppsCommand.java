package dev.reelforge.core.appauth;

import dev.reelforge.core.Environment;
import java.util.Set;

/** Gives an existing owner a new Picovico app in each of {@code environments}. */
public record AddPicovicoAppsCommand(String owner, Set<Environment> environments) {

    public AddPicovicoAppsCommand {
        environments = Set.copyOf(environments);
    }
}
