package dev.reelforge.aws.dynamodb;

import dev.reelforge.core.project.MusicLibrary;
import dev.reelforge.core.project.ProjectMedia;
import dev.reelforge.core.upload.UploadedProjectMedia;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.SdkClients;
import java.security.SecureRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A function's DynamoDB tables, on one client built at init. Each store reads its table's name from the variable
 * template.yaml sets ({@code RENDERS_TABLE}, ...) when it is asked for, which a function does once, at init.
 */
public final class DynamoDbTables {

    private final DynamoDbClient client;
    private final FunctionEnvironment environment;

    public DynamoDbTables(DynamoDbClient client, FunctionEnvironment environment) {
        this.client = client;
        this.environment = environment;
    }

    public static DynamoDbTables of(FunctionEnvironment environment) {
        return new DynamoDbTables(SdkClients.configure(DynamoDbClient.builder(), environment, "DYNAMODB").build(),
                environment);
    }

    public DynamoDbRenders renders() {
        return new DynamoDbRenders(client, environment.required("RENDERS_TABLE"));
    }

    /** Kept in the renders table, each key next to the render it made. */
    public DynamoDbIdempotencyKeys idempotencyKeys() {
        return new DynamoDbIdempotencyKeys(client, environment.required("RENDERS_TABLE"));
    }

    public DynamoDbAssets assets() {
        return new DynamoDbAssets(client, environment.required("ASSETS_TABLE"));
    }

    /** Serve transfers: assets with the URL their file is fetched from. */
    public DynamoDbTransfers transfers() {
        return new DynamoDbTransfers(client, environment.required("ASSETS_TABLE"));
    }

    public DynamoDbAccounts accounts() {
        return new DynamoDbAccounts(client, environment.required("ACCOUNTS_TABLE"));
    }

    /** IBM's OAuth clients, kept in the accounts table next to their owner's account. */
    public DynamoDbOAuthClients oauthClients() {
        return new DynamoDbOAuthClients(client, environment.required("ACCOUNTS_TABLE"));
    }

    /** IBM's issued tokens, by hash, in the accounts table. */
    public DynamoDbOAuthTokens oauthTokens() {
        return new DynamoDbOAuthTokens(client, environment.required("ACCOUNTS_TABLE"));
    }

    /** Picovico's apps, kept in the accounts table next to their owner's account. */
    public DynamoDbPicovicoApps picovicoApps() {
        return new DynamoDbPicovicoApps(client, environment.required("ACCOUNTS_TABLE"));
    }

    /** Picovico's access pairs, by the hash of their key, in the accounts table. */
    public DynamoDbAccessPairs accessPairs() {
        return new DynamoDbAccessPairs(client, environment.required("ACCOUNTS_TABLE"));
    }

    /** Owners' credit balances, in the accounts table. */
    public DynamoDbCreditBalances creditBalances() {
        return new DynamoDbCreditBalances(client, environment.required("ACCOUNTS_TABLE"));
    }

    /** The Ingest API's sources. */
    public DynamoDbSources sources() {
        return new DynamoDbSources(client, environment.required("SOURCES_TABLE"));
    }

    public DynamoDbDeliveries deliveries() {
        return new DynamoDbDeliveries(client, environment.required("DELIVERIES_TABLE"));
    }

    public DynamoDbDownloadables downloadables() {
        return new DynamoDbDownloadables(client, environment.required("DOWNLOADABLES_TABLE"));
    }

    public DynamoDbVideos videos() {
        return new DynamoDbVideos(client, environment.required("VIDEOS_TABLE"));
    }

    /** Picovico's projects (template.yaml, ProjectsTable). */
    public DynamoDbProjects projects() {
        return new DynamoDbProjects(client, environment.required("PROJECTS_TABLE"));
    }

    /** The owners' photos and music, kept in the projects table. */
    public DynamoDbUploads uploads() {
        return new DynamoDbUploads(client, environment.required("PROJECTS_TABLE"));
    }

    /**
     * What a project's render finds its photos and music through: the owner's uploads (served by the CDN at
     * {@code CDN_URL}), else the music library's tracks.
     */
    public ProjectMedia projectMedia(MusicLibrary library) {
        return new UploadedProjectMedia(uploads(), library, environment.requiredUri("CDN_URL"));
    }

    /** Projects' renders and their credits: the projects, renders and accounts tables, written together. */
    public DynamoDbCreditedRenders creditedRenders() {
        return new DynamoDbCreditedRenders(client, environment.required("PROJECTS_TABLE"),
                environment.required("RENDERS_TABLE"), environment.required("ACCOUNTS_TABLE"));
    }

    /** Saved Edit API templates (template.yaml, TemplatesTable). */
    public DynamoDbTemplates templates() {
        return new DynamoDbTemplates(client, environment.required("TEMPLATES_TABLE"));
    }

    public DynamoDbWebhookSecrets webhookSecrets() {
        return new DynamoDbWebhookSecrets(client, environment.required("ACCOUNTS_TABLE"), new SecureRandom());
    }
}
