package dev.reelforge.local.events;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One table's stream, read once for all the functions it triggers. Each {@link DynamoDbStreamPoller} keeps its own
 * position, checkpoint and deliveries, but takes its records from here: a shard is read when one of its pollers needs
 * records it does not hold, and the others are served what that read brought. A table with five consumers is read
 * once per write instead of five times. Records stay in memory until every poller that reads the shard has passed
 * them; nothing here is durable: after a restart the pollers' checkpoints say where reading starts again.
 *
 * <p>A shard is read again when, since its last read: a function that may write to the table has run (its
 * {@link StreamWakeups} generation moved), the last read brought a full page (there may be more), or the idle interval
 * has passed (a write neither a function's run nor the stack's own client announced). A read that brought less than
 * a page brought every record there was: DynamoDB Local answers with all it holds after the iterator, up to the
 * limit, so reading again at once would only find what a write since then added, which its function's wake-up
 * announces. (Were a page ever cut short by
 * size, as DynamoDB cuts one at 1 MB, the rest would be read at the next wake-up or idle interval.)
 */
public final class TableStreamReader {

    /** The most records one read asks for, as a poller asked when it read the shard itself. */
    public static final int PAGE_LIMIT = 100;
    private static final long SHARD_REFRESH_NANOS = 5_000_000_000L;
    /** A shard no poller has had read for this long is read again, for writes no one announced. */
    private static final long IDLE_NANOS = DynamoDbStreamPoller.IDLE_POLL_MILLIS * 1_000_000L;
    private static final long STALE_RETRY_NANOS = DynamoDbStreamPoller.STALE_RETRY_MILLIS * 1_000_000L;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final StreamWakeups wakeups;
    private final ReentrantLock shardListLock = new ReentrantLock();
    private List<String> shards = List.of();
    private long shardsReadAt;
    private final Map<String, ShardLog> logs = new HashMap<>();

    /**
     * The records of one shard that a reader may still need, after a position; {@code ended}: none will follow;
     * {@code readAgainSoon}: DynamoDB Local refused the last read's iterator, and the shard is worth reading again
     * after {@link DynamoDbStreamPoller#STALE_RETRY_MILLIS} rather than the idle interval.
     */
    public record Page(List<Record> records, boolean ended, boolean readAgainSoon) {}

    public TableStreamReader(DynamoDbStreamsClient streams, String streamArn, StreamWakeups wakeups) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.wakeups = wakeups;
    }

    public String streamArn() {
        return streamArn;
    }

    public StreamWakeups wakeups() {
        return wakeups;
    }

    /**
     * The stream's shards, listed again when the last list is older than a few seconds or {@code fresh} is asked for
     * (DynamoDB Local rolls shards over every few hours; listing them on every read would double the calls).
     */
    public List<String> shards(boolean fresh) {
        shardListLock.lock();
        try {
            if (fresh || shards.isEmpty() || System.nanoTime() - shardsReadAt > SHARD_REFRESH_NANOS) {
                shards = streams.describeStream(describe -> describe.streamArn(streamArn)).streamDescription()
                        .shards().stream().map(Shard::shardId).toList();
                shardsReadAt = System.nanoTime();
            }
            return shards;
        } finally {
            shardListLock.unlock();
        }
    }

    /**
     * The shard's records after {@code after} (a sequence number; {@code null}: from the shard's start), at most
     * {@link #PAGE_LIMIT}, for the poller {@code reader}, which took {@code seenGeneration} from the table's wake-ups
     * before asking. Records the poller has passed are let go once every poller of the shard has.
     */
    public Page read(String shardId, String reader, String after, long seenGeneration) {
        ShardLog log;
        synchronized (logs) {
            log = logs.computeIfAbsent(shardId, ShardLog::new);
        }
        log.lock.lock();
        try {
            log.passed(reader, after);
            if (log.behind(after)) {
                log.restartAfter(after);
            }
            List<Record> newer = log.after(after);
            if (newer.isEmpty() && !log.ended && log.due(seenGeneration)) {
                log.readPage();
                newer = log.after(after);
            }
            return new Page(newer, log.ended && newer.size() < PAGE_LIMIT, newer.isEmpty() && log.lastReadStale);
        } finally {
            log.lock.unlock();
        }
    }

    private static BigInteger sequence(String sequenceNumber) {
        return new BigInteger(sequenceNumber);
    }

    /** A record held, with its sequence number parsed once: DynamoDB's are decimal strings of varying length. */
    private record Held(BigInteger sequence, Record record) {

        static Held of(Record record) {
            return new Held(TableStreamReader.sequence(record.dynamodb().sequenceNumber()), record);
        }
    }

    /** What has been read of one shard: a run of records, in order, after {@code start}. */
    private final class ShardLog {

        private final String shardId;
        private final ReentrantLock lock = new ReentrantLock();
        /** In sequence order, as a shard's reads bring them: searched, never scanned, for a poller's position. */
        private final List<Held> records = new ArrayList<>();
        private final Map<String, String> positions = new HashMap<>();
        /** The log holds every record after this one ({@code null}: from the shard's start) up to its last read. */
        private String start;
        private boolean started;
        private String iterator;
        private boolean ended;
        private long readGeneration = Long.MIN_VALUE;
        private long readAt;
        private boolean lastReadFilledItsPage;
        private boolean lastReadStale;

        ShardLog(String shardId) {
            this.shardId = shardId;
        }

        /** Notes where a poller is, and lets go of the records every poller of the shard has passed. */
        void passed(String reader, String after) {
            positions.put(reader, after);
            if (positions.containsValue(null) || records.isEmpty()) {
                return;
            }
            BigInteger slowest = positions.values().stream().map(TableStreamReader::sequence)
                    .min(BigInteger::compareTo).orElseThrow();
            int passed = firstAfter(slowest);
            if (passed > 0) {
                start = records.get(passed - 1).record().dynamodb().sequenceNumber();
                records.subList(0, passed).clear();
            }
        }

        /** Whether a poller at {@code after} needs records from before what the log holds. */
        boolean behind(String after) {
            if (!started) {
                return true;
            }
            if (start == null) {
                return false;
            }
            return after == null || sequence(after).compareTo(sequence(start)) < 0;
        }

        /**
         * Starts the log right after {@code after}: for the first poller to ask, or for one behind what the log holds
         * (restarted from an earlier checkpoint).
         */
        void restartAfter(String after) {
            records.clear();
            start = after;
            started = true;
            iterator = null;
            ended = false;
            readGeneration = Long.MIN_VALUE;
        }

        List<Record> after(String after) {
            int from = after == null ? 0 : firstAfter(sequence(after));
            return records.subList(from, Math.min(records.size(), from + PAGE_LIMIT)).stream().map(Held::record)
                    .toList();
        }

        /** The index of the first record held after {@code sequence}; the size of the log if there is none. */
        private int firstAfter(BigInteger sequence) {
            int low = 0;
            int high = records.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (records.get(middle).sequence().compareTo(sequence) <= 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** Whether the shard must be read for a poller that saw the wake-ups at {@code seenGeneration}. */
        boolean due(long seenGeneration) {
            return readGeneration < seenGeneration || lastReadFilledItsPage
                    || System.nanoTime() - readAt >= (lastReadStale ? STALE_RETRY_NANOS : IDLE_NANOS);
        }

        void readPage() {
            // taken before reading, so that a write during the read makes the next poller read again
            long generation = wakeups.generation();
            if (iterator == null) {
                iterator = firstIterator();
            }
            GetRecordsResponse page;
            try {
                String current = iterator;
                page = streams.getRecords(get -> get.shardIterator(current).limit(PAGE_LIMIT));
            } catch (ExpiredIteratorException | TrimmedDataAccessException stale) {
                // DynamoDB Local also answers "trimmed" for a TRIM_HORIZON iterator taken while the shard was empty,
                // and for one taken right after its first record was written; the next read, a moment later, takes
                // a new iterator, after the last record held
                iterator = null;
                readDone(generation, false, true);
                return;
            }
            iterator = page.nextShardIterator();
            ended = iterator == null;
            page.records().forEach(record -> records.add(Held.of(record)));
            readDone(generation, page.records().size() >= PAGE_LIMIT, false);
        }

        private void readDone(long generation, boolean filledItsPage, boolean stale) {
            readGeneration = generation;
            readAt = System.nanoTime();
            lastReadFilledItsPage = filledItsPage;
            lastReadStale = stale;
        }

        /** Where reading goes on: after the last record held, else after the log's start, else the shard's start. */
        private String firstIterator() {
            String last = records.isEmpty() ? start : records.getLast().record().dynamodb().sequenceNumber();
            if (last == null) {
                return streams.getShardIterator(get -> get.streamArn(streamArn).shardId(shardId)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            }
            return streams.getShardIterator(get -> get.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(last)).shardIterator();
        }
    }
}
