package dev.reelforge.core.account;

/**
 * Finds whose API key this is and which environment it opens. The answer does not depend on the route
 * asked for, so a gateway may cache it per key and check each route against it.
 */
public final class AuthorizeApiKey {

    private final Accounts accounts;

    public AuthorizeApiKey(Accounts accounts) {
        this.accounts = accounts;
    }

    public AuthorizeApiKeyResult authorize(AuthorizeApiKeyCommand command) {
        return accounts.findCredential(command.apiKey().hash())
                .<AuthorizeApiKeyResult>map(credential ->
                        new AuthorizeApiKeyResult.Granted(credential.owner(), credential.environment()))
                .orElseGet(AuthorizeApiKeyResult.Denied::new);
    }
}
