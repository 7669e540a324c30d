package org.healthcrm.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.healthcrm.platform.crypto.KeyedSignatures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Checks the audit trail against its hash chain and signed checkpoints, and names the first problem: a link missing
 * (a deleted link or event), an event changed after it was recorded, a link that does not follow the one before, a
 * checkpoint whose signature fails or that the chain no longer matches, links missing after the last checkpoint, and
 * events older than a minute that were never sealed.
 */
@Service
public class AuditVerification {

    /** What went wrong at a link: the kind, where, and a sentence for the compliance officer. */
    public record Problem(Kind kind, Long seq, Long eventId, String message) {
    }

    public enum Kind { LINK_MISSING, EVENT_DELETED, EVENT_CHANGED, CHAIN_BROKEN, CHECKPOINT_INVALID,
        CHECKPOINT_MISMATCH, TRUNCATED, UNSEALED }

    /**
     * The outcome: how many links and checkpoints were checked, over which range of the chain, and the first problem
     * ({@code null} when there is none).
     */
    public record Report(long firstSeq, long lastSeq, long linksChecked, int checkpointsChecked, Problem problem,
                         Duration took) {
        public boolean intact() {
            return problem == null;
        }
    }

    private static final Duration SEALING_GRACE = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final KeyedSignatures signatures;
    private final Clock clock;

    public AuditVerification(JdbcTemplate jdbc, KeyedSignatures signatures, Clock clock) {
        this.jdbc = jdbc;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** The whole chain, with the check for events that were never sealed. */
    public Report verifyAll() {
        Long last = jdbc.queryForObject("select max(seq) from audit_chain", Long.class);
        Report report = verify(1, last == null ? 0 : last);
        if (report.intact()) {
            Problem unsealed = unsealed();
            if (unsealed != null) {
                return new Report(report.firstSeq(), report.lastSeq(), report.linksChecked(),
                        report.checkpointsChecked(), unsealed, report.took());
            }
        }
        return report;
    }

    /** The links sealed on one day (UTC). */
    public Report verifyDay(LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Object> range = jdbc.queryForMap("select min(seq) as first_seq, max(seq) as last_seq "
                + "from audit_chain where sealed_at >= ? and sealed_at < ?", Timestamp.from(from), Timestamp.from(to));
        if (range.get("first_seq") == null) {
            return new Report(0, 0, 0, 0, null, Duration.ZERO);
        }
        return verify(((Number) range.get("first_seq")).longValue(), ((Number) range.get("last_seq")).longValue());
    }

    /** Links {@code firstSeq} to {@code lastSeq}, and the checkpoints among them. */
    public Report verify(long firstSeq, long lastSeq) {
        Instant started = clock.instant();
        Map<Long, Checkpoint> checkpoints = new HashMap<>();
        jdbc.query("select seq, hash, created_at, key_id, signature from audit_checkpoint where seq between ? and ?",
                (RowCallbackHandler) rs -> checkpoints.put(rs.getLong(1), new Checkpoint(rs.getLong(1),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5))),
                firstSeq, lastSeq);
        for (Checkpoint checkpoint : checkpoints.values()) {
            if (!signatures.verify(AuditChain.CHECKPOINT_PURPOSE, checkpoint.keyId(),
                    AuditChain.checkpointData(checkpoint.seq(), checkpoint.hash(), checkpoint.createdAt()),
                    checkpoint.signature())) {
                return done(started, firstSeq, lastSeq, 0, checkpoints.size(), new Problem(Kind.CHECKPOINT_INVALID,
                        checkpoint.seq(), null, "The checkpoint at link " + checkpoint.seq() + " does not carry a valid "
                        + "signature: it was forged or altered."));
            }
        }
        Walk walk = new Walk(firstSeq, previousHash(firstSeq), checkpoints);
        if (firstSeq <= lastSeq) {
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("select c.seq, c.event_id, c.prev_hash, c.hash, "
                        + AuditChain.EVENT_COLUMNS + " from audit_chain c left join audit_event e on e.id = c.event_id "
                        + "where c.seq between ? and ? order by c.seq");
                statement.setLong(1, firstSeq);
                statement.setLong(2, lastSeq);
                statement.setFetchSize(5_000);
                return statement;
            }, (RowCallbackHandler) rs -> {
                if (walk.problem != null) {
                    return;
                }
                long seq = rs.getLong(1);
                long eventId = rs.getLong(2);
                String prevHash = rs.getString(3);
                String hash = rs.getString(4);
                if (seq != walk.expectedSeq) {
                    walk.problem = new Problem(Kind.LINK_MISSING, walk.expectedSeq, null, seq - walk.expectedSeq == 1
                            ? "Link " + walk.expectedSeq + " is missing: it, or the event it sealed, was deleted."
                            : "Links " + walk.expectedSeq + " to " + (seq - 1) + " are missing: they were deleted.");
                    return;
                }
                if (!prevHash.equals(walk.hash)) {
                    walk.problem = new Problem(Kind.CHAIN_BROKEN, seq, eventId, "Link " + seq + " (event " + eventId
                            + ") does not follow link " + (seq - 1) + ": the chain was altered.");
                    return;
                }
                rs.getLong(5);
                if (rs.wasNull()) {
                    walk.problem = new Problem(Kind.EVENT_DELETED, seq, eventId, "Event " + eventId + " (link " + seq
                            + ") was deleted.");
                    return;
                }
                String recomputed = AuditChain.linkHash(prevHash, AuditChain.EventRow.of(rs, 5));
                if (!recomputed.equals(hash)) {
                    walk.problem = new Problem(Kind.EVENT_CHANGED, seq, eventId, "Event " + eventId + " (link " + seq
                            + ") was changed after it was recorded.");
                    return;
                }
                Checkpoint checkpoint = walk.checkpoints.get(seq);
                if (checkpoint != null && !checkpoint.hash().equals(hash)) {
                    walk.problem = new Problem(Kind.CHECKPOINT_MISMATCH, seq, eventId, "The chain at link " + seq
                            + " no longer matches its signed checkpoint: the chain was rewritten.");
                    return;
                }
                walk.hash = hash;
                walk.expectedSeq = seq + 1;
                walk.checked++;
            });
        }
        if (walk.problem == null && walk.expectedSeq <= lastSeq) {
            walk.problem = new Problem(Kind.LINK_MISSING, walk.expectedSeq, null, "Links " + walk.expectedSeq + " to "
                    + lastSeq + " are missing: they were deleted.");
        }
        if (walk.problem == null) {
            Long signedBeyond = jdbc.queryForObject("select max(seq) from audit_checkpoint", Long.class);
            Long chainEnd = jdbc.queryForObject("select max(seq) from audit_chain", Long.class);
            if (signedBeyond != null && (chainEnd == null || signedBeyond > chainEnd)) {
                walk.problem = new Problem(Kind.TRUNCATED, chainEnd == null ? 1 : chainEnd + 1, null, "Links "
                        + (chainEnd == null ? 1 : chainEnd + 1) + " to " + signedBeyond + " are missing: a signed "
                        + "checkpoint vouches for link " + signedBeyond + ", the chain ends before it.");
            }
        }
        return done(started, firstSeq, lastSeq, walk.checked, checkpoints.size(), walk.problem);
    }

    private Report done(Instant started, long first, long last, long checked, int checkpoints, Problem problem) {
        return new Report(first, last, checked, checkpoints, problem, Duration.between(started, clock.instant()));
    }

    private String previousHash(long firstSeq) {
        if (firstSeq <= 1) {
            return AuditChain.GENESIS;
        }
        List<String> hash = jdbc.queryForList("select hash from audit_chain where seq = ?", String.class, firstSeq - 1);
        return hash.isEmpty() ? AuditChain.GENESIS : hash.get(0);
    }

    private Problem unsealed() {
        Long highestSealed = jdbc.queryForObject("select max(event_id) from audit_chain", Long.class);
        // the sealer looks as far back as this; an older event without a link is found by the gap it left instead
        long from = highestSealed == null ? 0 : Math.max(0, highestSealed - AuditChain.LATE_WINDOW);
        List<Long> ids = jdbc.queryForList("select e.id from audit_event e left join audit_chain c on c.event_id = e.id "
                + "where e.id > ? and c.event_id is null and e.occurred_at < ? order by e.id limit 1", Long.class,
                from, Timestamp.from(clock.instant().minus(SEALING_GRACE)));
        if (ids.isEmpty()) {
            return null;
        }
        return new Problem(Kind.UNSEALED, null, ids.get(0), "Event " + ids.get(0) + " is older than a minute and not "
                + "sealed into the chain" + (highestSealed != null && ids.get(0) < highestSealed
                ? ": it was written directly into the table, or sealing stopped." : ": sealing has stopped."));
    }

    private record Checkpoint(long seq, String hash, Instant createdAt, String keyId, String signature) {
    }

    private static final class Walk {
        long expectedSeq;
        String hash;
        final Map<Long, Checkpoint> checkpoints;
        long checked;
        Problem problem;

        Walk(long firstSeq, String hash, Map<Long, Checkpoint> checkpoints) {
            this.expectedSeq = firstSeq;
            this.hash = hash;
            this.checkpoints = checkpoints;
        }
    }
}
