package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.aws.dynamodb.DynamoDbAccessPairs;
import dev.reelforge.aws.dynamodb.DynamoDbAccounts;
import dev.reelforge.aws.dynamodb.DynamoDbAssets;
import dev.reelforge.aws.dynamodb.DynamoDbDownloadables;
import dev.reelforge.aws.dynamodb.DynamoDbOAuthClients;
import dev.reelforge.aws.dynamodb.DynamoDbOAuthTokens;
import dev.reelforge.aws.dynamodb.DynamoDbPicovicoApps;
import dev.reelforge.aws.dynamodb.DynamoDbCreditedRenders;
import dev.reelforge.aws.dynamodb.DynamoDbProjects;
import dev.reelforge.core.project.Frame;
import dev.reelforge.core.project.MediaRef;
import dev.reelforge.core.project.Privacy;
import dev.reelforge.core.project.ProjectPublication;
import dev.reelforge.core.project.ProjectQuality;
import dev.reelforge.core.project.ProjectStatus;
import dev.reelforge.core.project.StoredProject;
import dev.reelforge.aws.dynamodb.DynamoDbSources;
import dev.reelforge.core.ingest.Rendition;
import dev.reelforge.core.ingest.RenditionEncoder;
import dev.reelforge.core.ingest.RenditionSpec;
import dev.reelforge.core.ingest.RenditionsReader;
import dev.reelforge.core.ingest.RenditionsReading;
import dev.reelforge.core.ingest.Source;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.aws.dynamodb.DynamoDbTemplates;
import dev.reelforge.aws.dynamodb.DynamoDbUploads;
import dev.reelforge.aws.dynamodb.DynamoDbVideos;
import dev.reelforge.aws.s3.S3HostedFiles;
import dev.reelforge.core.Environment;
import dev.reelforge.core.account.Account;
import dev.reelforge.core.account.ApiCredential;
import dev.reelforge.core.account.ApiKey;
import dev.reelforge.core.appauth.AccessPair;
import dev.reelforge.core.appauth.AppSecret;
import dev.reelforge.core.appauth.IssuedAccess;
import dev.reelforge.core.appauth.PicovicoApp;
import dev.reelforge.core.asset.Asset;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.oauth.ClientSecret;
import dev.reelforge.core.oauth.IssuedToken;
import dev.reelforge.core.oauth.OAuthClient;
import dev.reelforge.core.oauth.OAuthToken;
import dev.reelforge.core.oauth.TokenKind;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderOutputs;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderStatus;
import dev.reelforge.core.template.Template;
import dev.reelforge.core.upload.Upload;
import dev.reelforge.core.upload.UploadFormat;
import dev.reelforge.core.upload.UploadKind;
import dev.reelforge.core.upload.UploadStatus;
import dev.reelforge.core.video.Video;
import dev.reelforge.core.video.download.DownloadFormat;
import dev.reelforge.core.video.download.Downloadable;
import dev.reelforge.core.video.download.DownloadableKey;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.media.SampleMedia;
import dev.reelforge.local.template.FunctionDefinition;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every file in events/ is accepted by its function: read as the Lambda Java runtime reads it, invoked
 * on the embedded stack, and answered with success. The data the samples refer to (the sample owner's
 * key, render and the render's hosted assets; a finished render's outputs in the temporary bucket; a render being
 * rendered, to cancel) is seeded first, as events/README.md says.
 */
class SampleEventsIT {

    private static final String SAMPLE_OWNER = "sampleowner";
    private static final String SAMPLE_KEY = "sample-api-key-for-stage-0000000000000";
    private static final UUID SAMPLE_RENDER = UUID.fromString("2abd5c11-0f3d-4c6d-ba20-235fc9b8e8b7");
    /** The render whose outputs the promote samples announce. */
    private static final UUID SAMPLE_HOSTED_RENDER = UUID.fromString("6f1d3c52-8e4b-4b1a-9c7d-5a2e0f9b8c31");
    /** The render the cancel sample cancels: one being rendered, which the worker's stream filter leaves alone. */
    private static final UUID SAMPLE_RENDERING_RENDER = UUID.fromString("7b2e9d41-3c5a-4f6e-8d1b-2a9c0e4f5d63");

    /** The render whose hosted MP4 is the video of the downloadable samples (asset {@link #SAMPLE_DOWNLOADS_VIDEO}). */
    private static final UUID SAMPLE_DOWNLOADS_RENDER = UUID.fromString("5e8a1f3c-2b7d-4c9e-a6f0-1d3b5c7e9f20");
    private static final UUID SAMPLE_DOWNLOADS_VIDEO = UUID.fromString("2aa7112b-4199-36d5-94c5-59a3b6ba6d4a");

    /** The sample IBM OAuth client (IssueTokenFunction's sample) and access token (BearerTokenAuthorizerFunction's). */
    private static final String SAMPLE_IBM_CLIENT_ID = "sampleibmclientidforstage000000000000000";
    private static final String SAMPLE_IBM_CLIENT_SECRET = "sampleibmclientsecretforstage00000000000";
    private static final String SAMPLE_IBM_ACCESS_TOKEN = "sampleaccesstokenforstage000000000000000";
    private static final String SAMPLE_IBM_REFRESH_TOKEN = "samplerefreshtokenforstage00000000000000";

    /** The sample Picovico app (LoginAppFunction's sample) and access pair (AccessPairAuthorizerFunction's). */
    private static final String SAMPLE_PICOVICO_APP_ID = "samplepicovicoappidforstage0000000000000";
    private static final String SAMPLE_PICOVICO_APP_SECRET = "samplepicovicoappsecretforstage000000000";
    private static final AccessPair SAMPLE_PICOVICO_PAIR = new AccessPair("samplepicovicoaccesskeyforstage000000000",
            "samplepicovicoaccesstokenforstage0000000");

    /** The renders whose hosted MP4s are the Videos API samples' videos: one read and changed, one deleted. */
    private static final UUID SAMPLE_VIDEO_RENDER = UUID.fromString("8c3e1f27-5d4a-4b6c-9e2f-1a7b3c9d0e52");
    private static final UUID SAMPLE_DELETED_VIDEO_RENDER = UUID.fromString("9d4f2a38-6e5b-4c7d-8f3a-2b8c4d0e1f63");

    /** The sample owner's stage projects (the Picovico project samples' ids). */
    private static final String SAMPLE_DRAFT_PROJECT = "019aef3c5a00a1b2c3d4e5f6";
    private static final String SAMPLE_PUBLISHED_PROJECT = "019aef3c5a00f6e5d4c3b2a1";
    /** The sample owner's v1 draft, ready to render (RenderProjectFunction's sample renders it). */
    private static final String SAMPLE_RENDERABLE_PROJECT = "019aef3c5a00c0ffee000001";
    /** A published public project of the sample owner, with its public link and its done render. */
    private static final String SAMPLE_LINKED_PROJECT = "019aef3c5a00beef00000002";
    private static final UUID SAMPLE_LINKED_RENDER = UUID.fromString("3c8e5b70-1f2a-4d9b-8e6c-4b7a2d9f0e15");

    /** The sample owner's stage templates: one read, updated and rendered, one deleted (DeleteTemplateFunction's). */
    private static final UUID SAMPLE_TEMPLATE = UUID.fromString("4e7c2b19-8a3d-4f5e-9b6c-1d2e3f4a5b6c");
    private static final UUID SAMPLE_DELETABLE_TEMPLATE = UUID.fromString("5f8d3c2a-9b4e-4a6f-8c7d-2e3f4a5b6c7d");
    /** The sample owner's ingested sources: one ready whose rendition job is under way, one the sample deletes. */
    private static final UUID SAMPLE_READY_SOURCE = UUID.fromString("5d3c2b1a-9e8f-4a7b-8c6d-1e2f3a4b5c6d");
    private static final UUID SAMPLE_DELETED_SOURCE = UUID.fromString("6e4d3c2b-0f9e-4b8c-9d7e-2f3a4b5c6d7e");
    private static final String SAMPLE_RENDITION_JOB = "1795169800000-ingest1";

    private static LocalStack stack;

    @BeforeAll
    static void seedWhatTheSamplesReferTo() throws IOException {
        stack = SharedStack.get();
        DynamoDbAccounts accounts = new DynamoDbAccounts(stack.services().dynamoDb(), stack.tableName("AccountsTable"));
        if (accounts.findCredential(new ApiKey(SAMPLE_KEY).hash()).isEmpty()) {
            accounts.add(new Account(SAMPLE_OWNER, Instant.now()),
                    List.of(new ApiCredential(new ApiKey(SAMPLE_KEY).hash(), SAMPLE_OWNER, Environment.STAGE, Instant.now())));
        }
        seedIbmClientAndToken();
        seedPicovicoAppAndPair();
        seedProjects();
        seedTemplates();
        seedUploads();
        seedVideos();
        seedSources();
        DynamoDbRenders renders = new DynamoDbRenders(stack.services().dynamoDb(), stack.tableName("RendersTable"));
        if (renders.find(SAMPLE_OWNER, SAMPLE_RENDER).isEmpty()) {
            JsonNode edit = Json.MAPPER.readTree(Files.readString(ProjectFiles.events()
                    .resolve("SubmitRenderFunction/post-render.json"))).path("body");
            renders.add(Render.queued(SAMPLE_RENDER, SAMPLE_OWNER, Environment.STAGE,
                    Json.MAPPER.readTree(edit.asText()), Instant.now()));
        }
        if (renders.find(SAMPLE_OWNER, SAMPLE_HOSTED_RENDER).isEmpty()) {
            seedFinishedRenderWithOutputs(renders);
        }
        if (renders.find(SAMPLE_OWNER, SAMPLE_RENDERING_RENDER).isEmpty()) {
            renders.add(new Render(SAMPLE_RENDERING_RENDER, SAMPLE_OWNER, Environment.STAGE, RenderStatus.RENDERING,
                    Json.object(), Instant.now(), Instant.now(), Optional.empty(), Optional.empty()));
        }
        DynamoDbAssets assets = new DynamoDbAssets(stack.services().dynamoDb(), stack.tableName("AssetsTable"));
        for (String filename : List.of(SAMPLE_RENDER + ".mp4", SAMPLE_RENDER + "-poster.jpg")) {
            assets.begin(Asset.importing(SAMPLE_OWNER, Environment.STAGE, "us-east-1", SAMPLE_RENDER, filename, Instant.now()));
        }
        seedVideoWithRequestedDownloadables(renders, assets);
    }

    /** The Ingest samples' sources (RenditionJobEventsFunction's job makes the ready one's rendition). */
    private static void seedSources() {
        DynamoDbSources sources = new DynamoDbSources(stack.services().dynamoDb(), stack.tableName("SourcesTable"));
        RenditionEncoder.SourceMedia media = new RenditionEncoder.SourceMedia(true, true, 1920, 1080, 25.86, 25);
        if (sources.find(SAMPLE_OWNER, SAMPLE_READY_SOURCE).isEmpty()) {
            RenditionSpec small = ((RenditionsReading.Read) new RenditionsReader().read(
                    Json.parseTrusted("[{\"filename\":\"small\"}]"))).renditions().getFirst();
            Source queued = Source.queued(SAMPLE_READY_SOURCE, SAMPLE_OWNER, Environment.STAGE,
                    Optional.of("https://example.com/scott-ko.mp4"), List.of(Rendition.queued(
                            UUID.fromString("8a6f5e4d-2b1a-4d0e-9f9a-4b5c6d7e8f90"), small, "{\"filename\":\"small\"}")),
                    Optional.empty(), Instant.now());
            sources.add(queued.ready(SAMPLE_READY_SOURCE + "-source.mp4", "https://d111111abcdef8.cloudfront.net/"
                    + SAMPLE_OWNER + "/" + SAMPLE_READY_SOURCE + "-source.mp4", media, queued.renditions(),
                    Optional.of(SAMPLE_RENDITION_JOB), Instant.now()));
        }
        if (sources.find(SAMPLE_OWNER, SAMPLE_DELETED_SOURCE).isEmpty()) {
            Source queued = Source.queued(SAMPLE_DELETED_SOURCE, SAMPLE_OWNER, Environment.STAGE,
                    Optional.of("https://example.com/scott-ko.mp4"), List.of(), Optional.empty(), Instant.now());
            sources.add(queued.ready(SAMPLE_DELETED_SOURCE + "-source.mp4", "https://d111111abcdef8.cloudfront.net/"
                    + SAMPLE_OWNER + "/" + SAMPLE_DELETED_SOURCE + "-source.mp4", media, List.of(), Optional.empty(),
                    Instant.now()));
        }
    }

    /**
     * A fourth render, done, whose MP4 (a real one, 1 s) is hosted: the downloadable samples' video; its MP4 and FLV
     * requested (generation 1 pending), which the stack's makers, and the makers' samples, then make.
     */
    private static void seedVideoWithRequestedDownloadables(DynamoDbRenders renders, DynamoDbAssets assets) {
        if (renders.find(SAMPLE_OWNER, SAMPLE_DOWNLOADS_RENDER).isEmpty()) {
            renders.add(new Render(SAMPLE_DOWNLOADS_RENDER, SAMPLE_OWNER, Environment.STAGE, RenderStatus.DONE,
                    Json.object(), Instant.now(), Instant.now(), Optional.empty(), Optional.empty()));
        }
        Asset video = Asset.importing(SAMPLE_OWNER, Environment.STAGE, "us-east-1", SAMPLE_DOWNLOADS_RENDER,
                SAMPLE_DOWNLOADS_RENDER + ".mp4", Instant.now());
        if (assets.begin(video)) {
            Path file = new SampleMedia(stack.ffmpeg(), SharedStack.temporaryDirectory("sample-video-"))
                    .video("sample.mp4", 320, 180, 1, 440);
            String hostingBucket = stack.function("PromoteOutputFunction").definition().environment().get("HOSTING_BUCKET");
            stack.services().s3().putObject(put -> put.bucket(hostingBucket)
                    .key(S3HostedFiles.key(SAMPLE_OWNER, video.filename())).contentType("video/mp4"),
                    RequestBody.fromFile(file));
            SharedStack.deleteRecursively(file.getParent());
            assets.markReady(SAMPLE_OWNER, video.id(), "https://cdn.example/" + SAMPLE_OWNER + "/" + video.filename(),
                    Instant.now());
        }
        DynamoDbDownloadables downloadables = new DynamoDbDownloadables(stack.services().dynamoDb(),
                stack.tableName("DownloadablesTable"));
        for (DownloadFormat format : DownloadFormat.values()) {
            DownloadableKey key = new DownloadableKey(SAMPLE_OWNER, SAMPLE_DOWNLOADS_VIDEO, format);
            downloadables.request(Downloadable.pending(key, Environment.STAGE, 1, Instant.now()), Optional.empty());
        }
    }

    /** The sample owner's stage client, and an access token of it that outlives any clock advance of the tests. */
    private static void seedIbmClientAndToken() {
        DynamoDbOAuthClients clients = new DynamoDbOAuthClients(stack.services().dynamoDb(),
                stack.tableName("AccountsTable"));
        if (clients.findClient(SAMPLE_IBM_CLIENT_ID).isEmpty()) {
            clients.addClients(List.of(new OAuthClient(SAMPLE_IBM_CLIENT_ID, SAMPLE_OWNER, Environment.STAGE,
                    new ClientSecret(SAMPLE_IBM_CLIENT_SECRET).hash(), true, Instant.now())));
        }
        DynamoDbOAuthTokens tokens = new DynamoDbOAuthTokens(stack.services().dynamoDb(),
                stack.tableName("AccountsTable"));
        String accessHash = new OAuthToken(SAMPLE_IBM_ACCESS_TOKEN).hash();
        if (tokens.find(accessHash).isEmpty()) {
            Instant farAway = Instant.now().plus(Duration.ofDays(365 * 100));
            tokens.add(new IssuedToken(accessHash, TokenKind.ACCESS, SAMPLE_OWNER, Environment.STAGE,
                            SAMPLE_IBM_CLIENT_ID, true, farAway, Optional.empty()),
                    new IssuedToken(new OAuthToken(SAMPLE_IBM_REFRESH_TOKEN).hash(), TokenKind.REFRESH, SAMPLE_OWNER,
                            Environment.STAGE, SAMPLE_IBM_CLIENT_ID, true, farAway, Optional.of(accessHash)));
        }
    }

    /** The sample owner's stage Picovico app, and an access pair of it that outlives any clock advance of the tests. */
    /** The sample templates, saved with the edit of SubmitRenderFunction's sample (its TITLE merge field a default). */
    private static void seedTemplates() throws IOException {
        DynamoDbTemplates templates = new DynamoDbTemplates(stack.services().dynamoDb(), stack.tableName("TemplatesTable"));
        JsonNode edit = Json.MAPPER.readTree(Json.MAPPER.readTree(Files.readString(ProjectFiles.events()
                .resolve("SubmitRenderFunction/post-render.json"))).path("body").asText());
        for (UUID id : List.of(SAMPLE_TEMPLATE, SAMPLE_DELETABLE_TEMPLATE)) {
            if (templates.find(SAMPLE_OWNER, id).isEmpty()) {
                templates.add(new Template(id, SAMPLE_OWNER, Environment.STAGE, "Sample template", edit, Instant.now(),
                        Instant.now()));
            }
        }
    }

    private static void seedPicovicoAppAndPair() {
        DynamoDbPicovicoApps apps = new DynamoDbPicovicoApps(stack.services().dynamoDb(),
                stack.tableName("AccountsTable"));
        if (apps.findApp(SAMPLE_PICOVICO_APP_ID).isEmpty()) {
            apps.addApps(List.of(new PicovicoApp(SAMPLE_PICOVICO_APP_ID, SAMPLE_OWNER, Environment.STAGE,
                    new AppSecret(SAMPLE_PICOVICO_APP_SECRET).hash(), Instant.now())));
        }
        DynamoDbAccessPairs pairs = new DynamoDbAccessPairs(stack.services().dynamoDb(),
                stack.tableName("AccountsTable"));
        if (pairs.find(SAMPLE_PICOVICO_PAIR.keyHash()).isEmpty()) {
            pairs.add(new IssuedAccess(SAMPLE_PICOVICO_PAIR.keyHash(), SAMPLE_PICOVICO_PAIR.tokenHash(), SAMPLE_OWNER,
                    Environment.STAGE, SAMPLE_PICOVICO_APP_ID, Instant.now().plus(Duration.ofDays(365 * 100))));
        }
    }

    /**
     * The sample owner's stage draft (read and changed by GetProjectFunction's and UpdateProjectFunction's samples,
     * answered by CreateProjectFunction's) and a published project (DeleteProjectFunction's sample deletes it).
     */
    private static void seedProjects() {
        DynamoDbProjects projects = new DynamoDbProjects(stack.services().dynamoDb(), stack.tableName("ProjectsTable"));
        for (String id : List.of(SAMPLE_DRAFT_PROJECT, SAMPLE_PUBLISHED_PROJECT)) {
            Instant created = Instant.ofEpochMilli(Long.parseLong(id.substring(0, 12), 16));
            boolean draft = id.equals(SAMPLE_DRAFT_PROJECT);
            StoredProject project = new StoredProject(id, SAMPLE_OWNER, Environment.STAGE,
                    draft ? ProjectStatus.INITIAL : ProjectStatus.PUBLISHED,
                    dev.reelforge.core.project.Project.draft(Optional.of("Summer in Lisbon")), Optional.empty(),
                    created, created, 1);
            if (draft) {
                projects.addDraft(project);
            } else {
                projects.add(project);
            }
        }
        // the sample account opens with no credits: enough for the render sample, whenever seeded
        stack.services().dynamoDb().putItem(put -> put.tableName(stack.tableName("AccountsTable")).item(Map.of(
                "pk", AttributeValue.fromS("credits#" + SAMPLE_OWNER), "kind", AttributeValue.fromS("credits"),
                "owner", AttributeValue.fromS(SAMPLE_OWNER), "balance", AttributeValue.fromN("5000"))));
        Instant created = Instant.ofEpochMilli(Long.parseLong(SAMPLE_RENDERABLE_PROJECT.substring(0, 12), 16));
        projects.addDraft(new StoredProject(SAMPLE_RENDERABLE_PROJECT, SAMPLE_OWNER, Environment.V1,
                ProjectStatus.INITIAL, new dev.reelforge.core.project.Project(Optional.of("Summer in Lisbon"),
                        Optional.of("vanilla"), ProjectQuality.Q360, List.of(new Frame.Image(new MediaRef.Url(
                                URI.create("https://photos.example/lisbon.jpg")), Optional.of("The river"), 0, 5)),
                        Optional.empty(), List.of(), Privacy.PUBLIC),
                Optional.empty(), created, created, 1));
        seedLinkedProject(projects);
    }

    /** A public project published by a done render: its link leads to the render's hosted MP4. */
    private static void seedLinkedProject(DynamoDbProjects projects) {
        DynamoDbRenders renders = new DynamoDbRenders(stack.services().dynamoDb(), stack.tableName("RendersTable"));
        if (renders.find(SAMPLE_OWNER, SAMPLE_LINKED_RENDER).isPresent()) {
            return;
        }
        renders.add(new Render(SAMPLE_LINKED_RENDER, SAMPLE_OWNER, Environment.STAGE, RenderStatus.DONE,
                Json.object(), Instant.now(), Instant.now(), Optional.empty(), Optional.empty(), List.of(),
                Optional.of(SAMPLE_LINKED_PROJECT)));
        Instant created = Instant.ofEpochMilli(Long.parseLong(SAMPLE_LINKED_PROJECT.substring(0, 12), 16));
        StoredProject processing = new StoredProject(SAMPLE_LINKED_PROJECT, SAMPLE_OWNER, Environment.STAGE,
                ProjectStatus.PROCESSING, dev.reelforge.core.project.Project.draft(Optional.of("Summer in Lisbon")),
                Optional.empty(), created, created, 2, Optional.of(SAMPLE_LINKED_RENDER), Optional.empty());
        projects.add(processing);
        String cdn = "https://d111111abcdef8.cloudfront.net/" + SAMPLE_OWNER + "/" + SAMPLE_LINKED_RENDER;
        new DynamoDbCreditedRenders(stack.services().dynamoDb(), stack.tableName("ProjectsTable"),
                stack.tableName("RendersTable"), stack.tableName("AccountsTable"))
                .publish(processing, processing.published(new ProjectPublication(List.of(
                        new ProjectPublication.PublishedVideo(ProjectQuality.Q360, cdn + ".mp4", OptionalLong.of(1234),
                                Optional.of(cdn + "-thumb.jpg")))), Instant.now()));
    }

    /**
     * The sample owner's two ready stage photos: {@code 019aef3c5a00aa11bb22cc33} (a JPEG, read by GetUploadFunction's
     * sample and named by CheckUploadFunction's, which finds it checked already) and {@code 019aef3c5a00dd44ee55ff66}
     * (a PNG, which DeleteUploadFunction's sample deletes).
     */
    private static void seedUploads() {
        DynamoDbUploads uploads = new DynamoDbUploads(stack.services().dynamoDb(), stack.tableName("ProjectsTable"));
        for (String id : List.of("019aef3c5a00aa11bb22cc33", "019aef3c5a00dd44ee55ff66")) {
            if (uploads.find(SAMPLE_OWNER, Environment.STAGE, UploadKind.PHOTO, id).isEmpty()) {
                uploads.add(new Upload(SAMPLE_OWNER, Environment.STAGE, id,
                        id.endsWith("33") ? UploadFormat.JPEG : UploadFormat.PNG, UploadStatus.READY,
                        Instant.ofEpochMilli(Long.parseLong(id.substring(0, 12), 16)), OptionalLong.of(20000),
                        OptionalDouble.empty(), Optional.empty()));
            }
        }
    }

    /** Two done renders of the sample owner, each with its MP4 hosted (a ready asset) and its video record. */
    private static void seedVideos() {
        DynamoDbRenders renders = new DynamoDbRenders(stack.services().dynamoDb(), stack.tableName("RendersTable"));
        DynamoDbAssets assets = new DynamoDbAssets(stack.services().dynamoDb(), stack.tableName("AssetsTable"));
        DynamoDbVideos videos = new DynamoDbVideos(stack.services().dynamoDb(), stack.tableName("VideosTable"));
        for (UUID renderId : List.of(SAMPLE_VIDEO_RENDER, SAMPLE_DELETED_VIDEO_RENDER)) {
            if (renders.find(SAMPLE_OWNER, renderId).isPresent()) {
                continue;
            }
            renders.add(new Render(renderId, SAMPLE_OWNER, Environment.STAGE, RenderStatus.DONE, Json.object(),
                    Instant.now(), Instant.now(), Optional.empty(), Optional.empty()));
            Asset asset = Asset.importing(SAMPLE_OWNER, Environment.STAGE, "us-east-1", renderId, renderId + ".mp4",
                    Instant.now());
            String url = "https://d111111abcdef8.cloudfront.net/" + SAMPLE_OWNER + "/" + asset.filename();
            assets.begin(asset);
            assets.markReady(SAMPLE_OWNER, asset.id(), url, Instant.now());
            videos.add(Video.hosted(asset.id(), SAMPLE_OWNER, Environment.STAGE, renderId, asset.filename(), url, 1234,
                    Optional.of("2"), Instant.now()));
        }
    }

    /** A render that got as far as encoding (so the worker leaves it alone), its outputs recorded and written. */
    private static void seedFinishedRenderWithOutputs(DynamoDbRenders renders) {
        RenderKey key = new RenderKey(SAMPLE_OWNER, SAMPLE_HOSTED_RENDER);
        String base = "renders/" + SAMPLE_OWNER + "/" + SAMPLE_HOSTED_RENDER;
        renders.add(new Render(SAMPLE_HOSTED_RENDER, SAMPLE_OWNER, Environment.STAGE, RenderStatus.RENDERING,
                Json.object(), Instant.now(), Instant.now(), Optional.empty(), Optional.empty()));
        renders.recordOutputs(key, new RenderOutputs(base + ".mp4", Optional.of(base + "-poster.0000001.jpg"),
                Optional.empty(), true), Instant.now());
        String tempBucket = stack.function("RenderWorkerFunction").definition().environment().get("TEMP_BUCKET");
        stack.services().s3().putObject(put -> put.bucket(tempBucket).key(base + ".mp4").contentType("video/mp4"),
                RequestBody.fromString("sample video, not a video"));
        stack.services().s3().putObject(put -> put.bucket(tempBucket).key(base + "-poster.0000001.jpg")
                .contentType("image/jpeg"), RequestBody.fromString("sample poster, not a JPEG"));
        renders.complete(key, new RenderResult("https://temporary.example/" + base + ".mp4", Optional.empty(),
                Optional.empty(), 1, 1000), Instant.now());
    }

    static Stream<Path> sampleEvents() throws IOException {
        try (Stream<Path> files = Files.walk(ProjectFiles.events())) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void everyFunctionHasAtLeastOneSampleEvent() throws IOException {
        List<String> folders = sampleEvents().map(file -> file.getParent().getFileName().toString()).distinct().toList();

        assertThat(folders).containsExactlyInAnyOrderElementsOf(
                stack.template().functions().stream().map(FunctionDefinition::logicalId).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleEvents")
    void isAcceptedByItsFunction(Path file) throws IOException {
        String logicalId = file.getParent().getFileName().toString();
        LocalFunction function = stack.function(logicalId);
        Object event = LambdaJson.fromJson(Files.readString(file, StandardCharsets.UTF_8), function.eventType());
        if (logicalId.equals("MusicLibraryFunction") || logicalId.equals("DashboardPublisherFunction")) {
            assertThat(answerToCloudFormation(function, event).path("Status").asText()).isEqualTo("SUCCESS");
            return;
        }

        JsonNode result = Json.MAPPER.readTree(LambdaJson.toJson(function.invoke(event)));

        switch (logicalId) {
            case "BearerTokenAuthorizerFunction" -> {
                assertThat(result.at("/policyDocument/Statement/0/Effect").asText()).as(result.toString()).isEqualTo("Allow");
                assertThat(result.at("/context/owner").asText()).isEqualTo(SAMPLE_OWNER);
                assertThat(result.at("/context/environment").asText()).isEqualTo("stage");
                assertThat(result.at("/context/clientId").asText()).isEqualTo(SAMPLE_IBM_CLIENT_ID);
                assertThat(result.at("/context/managesExpiration").asText()).isEqualTo("true");
            }
            case "AccessPairAuthorizerFunction" -> {
                assertThat(result.at("/policyDocument/Statement/0/Effect").asText()).as(result.toString()).isEqualTo("Allow");
                assertThat(result.at("/context/owner").asText()).isEqualTo(SAMPLE_OWNER);
                assertThat(result.at("/context/environment").asText()).isEqualTo("stage");
                assertThat(result.at("/context/appId").asText()).isEqualTo(SAMPLE_PICOVICO_APP_ID);
            }
            case "LoginAppFunction" -> {
                assertThat(result.path("statusCode").asInt()).as(result.toString()).isEqualTo(200);
                assertThat(Json.MAPPER.readTree(result.path("body").asText()).path("id").asText())
                        .isEqualTo(SAMPLE_OWNER);
            }
            case "IssueTokenFunction" -> {
                assertThat(result.path("statusCode").asInt()).as(result.toString()).isEqualTo(200);
                assertThat(Json.MAPPER.readTree(result.path("body").asText()).path("token_type").asText())
                        .isEqualTo("bearer");
            }
            case "ApiKeyAuthorizerFunction" -> {
                assertThat(result.at("/policyDocument/Statement/0/Effect").asText()).as(result.toString()).isEqualTo("Allow");
                assertThat(result.at("/context/owner").asText()).isEqualTo(SAMPLE_OWNER);
            }
            case "PublicLinkFunction" -> {
                assertThat(result.path("statusCode").asInt()).as(result.toString()).isEqualTo(302);
                assertThat(result.at("/headers/Location").asText())
                        .isEqualTo("https://d111111abcdef8.cloudfront.net/" + SAMPLE_OWNER + "/" + SAMPLE_LINKED_RENDER
                                + ".mp4");
            }
            case "RenderWorkerFunction", "ComposeChunkFunction", "ImportSourceFunction",
                 "DispatchSourceCallbacksFunction", "DispatchCallbacksFunction", "SendCallbacksFunction",
                 "SettleProjectsFunction",
                 "RemoveHostedFilesFunction", "StopCancelledRenderFunction", "PrepareMp4DownloadFunction",
                 "MakeFlvDownloadFunction", "HostTransfersFunction", "DeliverTransfersFunction" ->
                    assertThat(result.path("batchItemFailures")).as(result.toString()).isEmpty();
            case "RenderStatusFunction", "RenderSweeperFunction", "AssetSweeperFunction", "RetryCallbacksFunction",
                 "FailStuckDownloadsFunction", "ExpireVideosFunction", "RenditionJobEventsFunction" ->
                    assertThat(result.asText()).doesNotStartWith("ignored: not");
            case "PromoteOutputFunction" -> assertThat(result.asText()).matches("(promoted|already finished): .*");
            // its URL names an address the guard refuses, so every stack answers the same, without connecting
            case "ProbeFunction" -> {
                assertThat(result.path("statusCode").asInt()).as(result.toString()).isEqualTo(400);
                assertThat(Json.MAPPER.readTree(result.path("body").asText()).path("response").asText())
                        .startsWith("url could not be fetched: 169.254.169.254 is ");
            }
            case "CheckUploadFunction" -> assertThat(result.asText()).matches("(ready|failed|skipped|removed): .*");
            case "ImportUploadFunction" -> assertThat(result.asText()).matches("[0-9a-f-]{36}: (imported|failed|skipped)");
            default -> assertThat(result.path("statusCode").asInt()).as(result.toString()).isBetween(200, 299);
        }
    }

    /**
     * Invokes the custom resource's function with its sample event, its ResponseURL (CloudFormation's presigned S3
     * URL) replaced by a server on loopback, and returns what the function answered there.
     */
    @SuppressWarnings("unchecked")
    private static JsonNode answerToCloudFormation(LocalFunction function, Object event) throws IOException {
        java.util.concurrent.atomic.AtomicReference<String> answer = new java.util.concurrent.atomic.AtomicReference<>();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            answer.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            ((java.util.Map<String, Object>) event).put("ResponseURL",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/response");
            function.invoke(event);
        } finally {
            server.stop(0);
        }
        return Json.MAPPER.readTree(answer.get());
    }
}
