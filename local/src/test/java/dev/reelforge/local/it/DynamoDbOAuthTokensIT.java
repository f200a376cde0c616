package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.dynamodb.DynamoDbOAuthTokens;
import dev.reelforge.core.Environment;
import dev.reelforge.core.oauth.IssuedToken;
import dev.reelforge.core.oauth.OAuthToken;
import dev.reelforge.core.oauth.TokenKind;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IBM's issued tokens in the accounts table, on DynamoDB Local: a refresh token buys one pair, however raced. */
class DynamoDbOAuthTokensIT {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static DynamoDbOAuthTokens tokens;

    @BeforeAll
    static void connect() {
        var stack = SharedStack.get();
        tokens = new DynamoDbOAuthTokens(stack.services().dynamoDb(), stack.tableName("AccountsTable"));
    }

    private static IssuedToken token(TokenKind kind, Instant expires) {
        return new IssuedToken(OAuthToken.generate(RANDOM).hash(), kind, "tokensowner", Environment.STAGE,
                "client", true, expires, Optional.empty());
    }

    private static String storedRefreshToken(Instant expires) {
        IssuedToken refresh = token(TokenKind.REFRESH, expires);
        tokens.add(token(TokenKind.ACCESS, T0.plus(Duration.ofDays(1))), refresh);
        return refresh.hash();
    }

    @Test
    void ofConcurrentUsesOfOneRefreshTokenExactlyOneGetsANewPair() throws Exception {
        String refresh = storedRefreshToken(T0.plus(Duration.ofDays(30)));
        List<Callable<Boolean>> uses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            uses.add(() -> tokens.rotate(refresh, T0, token(TokenKind.ACCESS, T0.plus(Duration.ofDays(1))),
                    token(TokenKind.REFRESH, T0.plus(Duration.ofDays(30)))));
        }

        List<Boolean> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> outcome : pool.invokeAll(uses)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(tokens.find(refresh)).isEmpty();
        assertThat(tokens.rotate(refresh, T0, token(TokenKind.ACCESS, T0), token(TokenKind.REFRESH, T0))).isFalse();
    }

    @Test
    void anExpiredRefreshTokenOrAnAccessTokenBuysNothingAndStaysAsItWas() {
        String expired = storedRefreshToken(T0);
        IssuedToken access = token(TokenKind.ACCESS, T0.plus(Duration.ofDays(1)));
        tokens.add(access, token(TokenKind.REFRESH, T0.plus(Duration.ofDays(30))));
        IssuedToken newAccess = token(TokenKind.ACCESS, T0.plus(Duration.ofDays(1)));

        assertThat(tokens.rotate(expired, T0, newAccess, token(TokenKind.REFRESH, T0))).isFalse();
        assertThat(tokens.rotate(access.hash(), T0, newAccess, token(TokenKind.REFRESH, T0))).isFalse();
        assertThat(tokens.find(expired)).isPresent();
        assertThat(tokens.find(access.hash())).isPresent();
        assertThat(tokens.find(newAccess.hash())).as("nothing of a failed rotation is written").isEmpty();
    }
}
