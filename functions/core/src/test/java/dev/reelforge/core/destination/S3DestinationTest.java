package dev.reelforge.core.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.EditChecks;
import dev.reelforge.core.validation.Violation;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class S3DestinationTest {

    private static final UUID RENDER = UUID.fromString("0b7a1c2e-1111-4222-8333-944455556666");

    private static final String EDIT = """
            {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "x"}, "start": 0, "length": 1}]}]},
             "output": {"format": "mp4", "destinations": [
               {"provider": "shotstack"},
               {"provider": "s3", "options": {"region": "eu-west-1", "bucket": "granted", "prefix": "a/b",
                 "filename": "teaser", "acl": "public-read"}},
               {"provider": "s3", "options": {"region": "eu-west-1", "bucket": "%s"}}]}}
            """;

    @Test
    void everyOutputKeepsItsSuffixUnderThePrefixWithTheOwnFilename() throws Exception {
        S3Destination named = S3Destination.of(Json.MAPPER.readTree(EDIT.formatted("plain"))).getFirst();

        assertThat(named.index()).isEqualTo(1);
        assertThat(named.keyFor(RENDER + ".mp4", RENDER)).isEqualTo("a/b/teaser.mp4");
        assertThat(named.keyFor(RENDER + "-poster.jpg", RENDER)).isEqualTo("a/b/teaser-poster.jpg");
        assertThat(named.keyFor(RENDER + "-360-thumb.jpg", RENDER)).isEqualTo("a/b/teaser-360-thumb.jpg");
    }

    @Test
    void withoutPrefixOrFilenameTheOutputKeepsItsNameAtTheBucketsRoot() throws Exception {
        S3Destination plain = S3Destination.of(Json.MAPPER.readTree(EDIT.formatted("plain"))).getLast();

        assertThat(plain.keyFor(RENDER + "-thumb.jpg", RENDER)).isEqualTo(RENDER + "-thumb.jpg");
        assertThat(plain.acl()).isEmpty();
    }

    @Test
    void grantsAreBucketsWithOrWithoutARole() {
        BucketGrants grants = BucketGrants.parse(" local-bucket , owned=arn:aws:iam::123456789012:role/reelforge,,");

        assertThat(grants.grants("local-bucket")).isTrue();
        assertThat(grants.roleOf("local-bucket")).isEmpty();
        assertThat(grants.roleOf("owned")).contains("arn:aws:iam::123456789012:role/reelforge");
        assertThat(grants.grants("")).isFalse();
        assertThat(BucketGrants.parse("").roles()).isEmpty();
    }

    @Test
    void aBucketWithoutAGrantIsRefusedAtSubmitNamingItsField() throws Exception {
        EditChecks checks = new EditChecks(new EditValidator(), url -> Optional.empty(),
                BucketGrants.parse("granted"));

        assertThat(checks.problemsWith(Json.MAPPER.readTree(EDIT.formatted("granted")))).isEmpty();
        assertThat(checks.problemsWith(Json.MAPPER.readTree(EDIT.formatted("stranger"))))
                .extracting(Violation::message).singleElement().asString()
                .startsWith("output.destinations[2].options.bucket 'stranger' has not been granted to Reelforge");
    }
}
