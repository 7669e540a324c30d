package org.healthcrm.audit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.healthcrm.platform.HealthCrmProperties;
import org.healthcrm.platform.crypto.KeyedSignatures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals audit events into a hash chain: each event, in the order it is sealed, gets a link whose hash is the SHA-256
 * of the previous link's hash and every column of the event; now and then the head of the chain is written as a
 * checkpoint signed with a key kept outside the database ({@link KeyedSignatures}). A changed event no longer
 * matches its link; a deleted event or link leaves a gap; a rewritten chain no longer matches its signed checkpoints.
 * {@link AuditVerification} checks all three.
 *
 * <p>Sealing runs apart from the transactions that write events (a sealer, {@link AuditSealing}), so that writing an
 * event never waits for other writers. Sealers serialize on one lock row; several application nodes may run one.
 * Events are picked up in id order; one that commits late (its transaction took longer) is sealed after events with
 * higher ids: the chain's order is the sealing order.
 */
@Service
public class AuditChain {

    static final String GENESIS = "0".repeat(64);
    static final String CHECKPOINT_PURPOSE = "audit-checkpoint";
    /** How far below the highest sealed event id a late-committing event is still looked for. */
    static final long LATE_WINDOW = 10_000;
    private static final int BATCH = 2_000;
    /** The row counts of the INSERTs that write links (see {@link #insertLinks}); the last must be 1. */
    private static final int[] LINK_ROWS = {256, 64, 16, 4, 1};
    private static final Map<Integer, String> LINK_INSERTS = Arrays.stream(LINK_ROWS).boxed()
            .collect(Collectors.toUnmodifiableMap(rows -> rows, rows -> "insert into audit_chain "
                    + "(seq, event_id, prev_hash, hash, sealed_at) values "
                    + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, ?)"))));

    /** The event's columns, in the order the hash takes them; {@code occurred_at} as exact epoch seconds. */
    static final String EVENT_COLUMNS = "e.id, unix_timestamp(e.occurred_at) as occurred_epoch, e.username, e.roles, "
            + "e.action, e.patient_id, e.object_type, e.object_id, e.outcome, e.client_address, e.request_id, "
            + "e.reason, e.detail";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KeyedSignatures signatures;
    private final HealthCrmProperties.Audit settings;
    private final Clock clock;

    public AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyedSignatures signatures,
                      HealthCrmProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.signatures = signatures;
        this.settings = properties.getAudit();
        this.clock = clock;
    }

    /**
     * Seals every event not sealed yet, late-committing ones included (those with an id below the highest sealed one,
     * within {@link #LATE_WINDOW}); returns how many were sealed.
     */
    public int sealPending() {
        return seal(true);
    }

    /**
     * Seals the events written since the highest sealed one: what {@link #sealPending} does without looking back for
     * late-committing events, so without reading the last {@link #LATE_WINDOW} events again.
     */
    public int sealNew() {
        return seal(false);
    }

    private int seal(boolean lateToo) {
        int total = 0;
        int sealed;
        do {
            sealed = transaction.execute(status -> sealBatch(lateToo));
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    /** Writes a signed checkpoint of the current head now (when the chain has grown since the last one). */
    public void checkpointNow() {
        transaction.executeWithoutResult(status -> {
            lock();
            Link head = head();
            if (head != null) {
                checkpoint(head, lastCheckpointSeq());
            }
        });
    }

    private int sealBatch(boolean lateToo) {
        lock();
        Link head = head();
        Long highestSealed = jdbc.queryForObject("select max(event_id) from audit_chain", Long.class);
        long from = highestSealed == null ? 0 : lateToo ? Math.max(0, highestSealed - LATE_WINDOW) : highestSealed;
        List<Object[]> links = new ArrayList<>();
        long seq = head == null ? 0 : head.seq();
        String hash = head == null ? GENESIS : head.hash();
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        List<EventRow> pending = jdbc.query("select " + EVENT_COLUMNS + " from audit_event e "
                + "left join audit_chain c on c.event_id = e.id where e.id > ? and c.event_id is null "
                + "order by e.id limit " + BATCH, (rs, i) -> EventRow.of(rs), from);
        for (EventRow event : pending) {
            String next = linkHash(hash, event);
            seq++;
            links.add(new Object[] {seq, event.id(), hash, next, now});
            hash = next;
        }
        insertLinks(links);
        Link newHead = new Link(seq, hash);
        long lastCheckpoint = lastCheckpointSeq();
        if (seq > lastCheckpoint && (seq - lastCheckpoint >= settings.getCheckpointEvery()
                || checkpointOlderThan(settings.getCheckpointInterval()))) {
            checkpoint(newHead, lastCheckpoint);
        }
        return pending.size();
    }

    /**
     * Writes the links as multi-row INSERTs of {@link #LINK_ROWS} sizes, the largest first (a second's 400 links: four
     * statements): a statement per link cost the server a statement's overhead for each audit event, and a few fixed
     * sizes keep the statements the driver prepares and keeps per connection few.
     */
    private void insertLinks(List<Object[]> links) {
        int next = 0;
        for (int rows : LINK_ROWS) {
            while (links.size() - next >= rows) {
                Object[] values = new Object[rows * 5];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(links.get(next + r), 0, values, r * 5, 5);
                }
                jdbc.update(LINK_INSERTS.get(rows), values);
                next += rows;
            }
        }
    }

    private void checkpoint(Link head, long lastCheckpointSeq) {
        if (head.seq() <= lastCheckpointSeq) {
            return;
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        KeyedSignatures.Signature signature = signatures.sign(CHECKPOINT_PURPOSE, checkpointData(head.seq(), head.hash(),
                at));
        jdbc.update("insert into audit_checkpoint (seq, hash, created_at, key_id, signature) values (?, ?, ?, ?, ?)",
                head.seq(), head.hash(), Timestamp.from(at), signature.keyId(), signature.hex());
    }

    private boolean checkpointOlderThan(Duration age) {
        Timestamp last = jdbc.queryForObject("select max(created_at) from audit_checkpoint", Timestamp.class);
        return last == null || last.toInstant().isBefore(clock.instant().minus(age));
    }

    private long lastCheckpointSeq() {
        Long seq = jdbc.queryForObject("select max(seq) from audit_checkpoint", Long.class);
        return seq == null ? 0 : seq;
    }

    private void lock() {
        jdbc.queryForObject("select id from audit_chain_lock where id = 1 for update", Integer.class);
    }

    private Link head() {
        List<Link> head = jdbc.query("select seq, hash from audit_chain order by seq desc limit 1",
                (rs, i) -> new Link(rs.getLong(1), rs.getString(2)));
        return head.isEmpty() ? null : head.get(0);
    }

    /** What a checkpoint's signature covers. */
    static String checkpointData(long seq, String hash, Instant createdAt) {
        return seq + "|" + hash + "|" + createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** SHA-256 over the previous hash and the event's columns, each length-prefixed (null distinct from empty). */
    static String linkHash(String previousHash, EventRow event) {
        MessageDigest digest = sha256();
        digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        for (String field : event.fields()) {
            if (field == null) {
                digest.update((byte) 'N');
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update(("S" + bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    record Link(long seq, String hash) {
    }

    /** An audit event as the database holds it, every column as text. */
    record EventRow(long id, List<String> fields) {

        /** Reads the columns of {@link #EVENT_COLUMNS} from the current row, starting at column {@code first}. */
        static EventRow of(ResultSet rs, int first) throws SQLException {
            List<String> fields = new ArrayList<>(13);
            long id = rs.getLong(first);
            fields.add(Long.toString(id));
            BigDecimal epoch = rs.getBigDecimal(first + 1);
            fields.add(epoch == null ? null : epoch.setScale(6, java.math.RoundingMode.UNNECESSARY).toPlainString());
            for (int column = first + 2; column < first + 13; column++) {
                fields.add(rs.getString(column));
            }
            return new EventRow(id, fields);
        }

        static EventRow of(ResultSet rs) throws SQLException {
            return of(rs, 1);
        }
    }
}
