package dev.reelforge.local.services;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.http.scaladsl.Http;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.collection.immutable.List$;
import scala.concurrent.duration.FiniteDuration;
import scala.jdk.javaapi.FutureConverters;

/**
 * ElasticMQ serving the SQS API (the JSON protocol of the SDK v2, and the query protocol) on a loopback port, in
 * this JVM. Queues and their messages (in flight, delayed and dead-lettered included) are kept in an H2 database
 * under {@code directory}, each change written before SQS answers, so they survive a restart, a kill too, as they
 * would on SQS. It keeps SQS's limits (message size,
 * batch sizes, visibility timeouts) and moves messages received {@code maxReceiveCount} times to the dead-letter
 * queue of their queue's redrive policy. It tells time by the system clock, not the stack's.
 *
 * <p>One database per JVM: ElasticMQ's SQL persistence keeps its connection pool in a JVM-wide singleton that the
 * first server to start sets, so every later server of the same JVM keeps its queues in that first directory's
 * database. {@code ./reelforge local} runs one stack per JVM; tests that start several stacks in one JVM share a
 * queue database (told on standard error), and a test that checks what a restart restores runs each server in a JVM
 * of its own ({@code ElasticMqServerKillIT}, {@code StackKillIT}).
 */
public final class ElasticMqServer implements LocalService {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(5);
    /**
     * How long a request in flight at the stop may take to be answered. The stack's own pollers are closed by then,
     * but a long poll of theirs is still held by the server (their client cannot abort it); waiting it out made every
     * stop 1.6 s longer.
     */
    private static final Duration IN_FLIGHT_DEADLINE = Duration.ofMillis(100);
    private static final String LOOPBACK = "127.0.0.1";
    /** The directory whose database this JVM's ElasticMQ servers keep their queues in (see above). */
    private static final AtomicReference<Path> DATABASE_DIRECTORY = new AtomicReference<>();

    private final ActorSystem actors;
    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMqServer(ActorSystem actors, SQSRestServer server, URI endpoint) {
        this.actors = actors;
        this.server = server;
        this.endpoint = endpoint;
    }

    /**
     * ElasticMQ on a loopback port of its own choosing (bound at once, so no other process can take it meanwhile);
     * {@link #endpoint()} tells which, and queue URLs are {@code endpoint/accountId/queueName}.
     */
    public static ElasticMqServer start(Path directory, String accountId, String region) {
        // the stack closes ElasticMQ itself (on SIGTERM too); Pekko's own JVM shutdown hooks would race it
        ActorSystem actors = ActorSystem.create("elasticmq", ConfigFactory.parseString("""
                pekko.jvm-shutdown-hooks = off
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                """).withFallback(ConfigFactory.load()));
        Path database = directory.toAbsolutePath().normalize();
        if (!DATABASE_DIRECTORY.compareAndSet(null, database) && !DATABASE_DIRECTORY.get().equals(database)) {
            System.err.println("[sqs] ElasticMQ of " + database + " keeps its queues in " + DATABASE_DIRECTORY.get()
                    + ", the database of the first ElasticMQ of this JVM (its SQL persistence is one per JVM)");
        }
        try {
            Files.createDirectories(directory);
            // WRITE_DELAY=0: H2 writes each commit before it returns. By default it writes commits in the background
            // up to half a second later, and messages SQS had acknowledged were lost when the process was killed.
            SqlQueuePersistenceConfig storage = new SqlQueuePersistenceConfig(true, "org.h2.Driver",
                    "jdbc:h2:" + directory.toAbsolutePath().resolve("queues") + ";WRITE_DELAY=0", "", "", false);
            ActorRef persistence = actors.actorOf(Props.create(SqlQueuePersistenceActor.class,
                    () -> new SqlQueuePersistenceActor(storage, List$.MODULE$.empty())));
            ActorRef queues = actors.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(persistence))));
            // port 0 and a generated server address: ElasticMQ names its queues after the port it bound
            SQSRestServer server = new TheSQSRestServerBuilder(Option.apply(actors), Option.apply(queues),
                    LOOPBACK, 0, new NodeAddress("http", LOOPBACK, 0, ""), true,
                    StrictSQSLimits$.MODULE$, region, accountId, Option.apply(persistence),
                    TheSQSRestServerBuilder.$lessinit$greater$default$11()).start();
            int port = server.waitUntilStarted().localAddress().getPort();
            // the queues and messages kept from the last run, before anyone sends or receives
            Patterns.ask(persistence, new QueueEvent.Restore(queues), START_TIMEOUT).toCompletableFuture()
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new ElasticMqServer(actors, server, URI.create("http://" + LOOPBACK + ":" + port));
        } catch (Exception e) {
            actors.terminate();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new LocalServiceException("ElasticMQ did not start", e);
        }
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Stops taking requests and closes every connection: requests still in flight get {@link #IN_FLIGHT_DEADLINE} to
     * be answered, then their connections are closed (as a killed process would; what SQS acknowledged is on disk, and
     * a client retries what was not answered). ElasticMQ's own stop gives them a minute and waits exactly as long for
     * the result, so one request held to the end (a receive whose long poll outlives its client) failed the stop.
     */
    @Override
    public void close() {
        try {
            Http.ServerBinding binding = FutureConverters.asJava(server.startFuture()).toCompletableFuture()
                    .get(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            FutureConverters.asJava(binding.terminate(FiniteDuration.apply(IN_FLIGHT_DEADLINE.toMillis(),
                            TimeUnit.MILLISECONDS)))
                    .toCompletableFuture().get(STOP_DEADLINE.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServiceException("interrupted while ElasticMQ stopped", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new LocalServiceException("ElasticMQ did not stop cleanly", e);
        } finally {
            try {
                actors.terminate();
                actors.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
