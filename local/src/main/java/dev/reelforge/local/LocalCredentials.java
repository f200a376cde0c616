package dev.reelforge.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The one key pair of the embedded stack. The functions find it through the SDK's default credentials
 * chain (system properties come first in it), exactly as on Lambda they find their role's.
 */
public final class LocalCredentials {

    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "localsecret";

    private LocalCredentials() {}

    /** Makes this JVM's default credentials chain yield the local key pair, unless one is already set. */
    public static void installAsDefault() {
        if (System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", ACCESS_KEY_ID);
            System.setProperty("aws.secretAccessKey", SECRET_ACCESS_KEY);
        }
    }

    public static StaticCredentialsProvider provider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }
}
