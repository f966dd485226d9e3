package org.gridgov.cases.similarity;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills {@code case_record.text_sig} (V13) for cases reported before it, so the similar-case finder reads their stored
 * {@link TextSignature} like every newer case's instead of segmenting their descriptions on every request. Runs once
 * at start in a thread of its own: the service answers meanwhile (the finder still scores a row without a signature
 * from its text, with the same result), and a stop halfway loses nothing, the next start goes on.
 *
 * <p>Batches of {@link #BATCH} rows in id order (keyset, so each batch reads one index range of the primary key), each
 * update only where the signature is still NULL, so a case reported meanwhile (written with its signature) or a
 * second service instance doing the same is never overwritten; progress at INFO every batch. Titles and descriptions
 * are never rewritten after a report (V13), so a filled signature stays right.
 */
@Component
public class TextSignatureBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TextSignatureBackfill.class);
    /** Rows read and updated per round. */
    static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final int batch;

    @Autowired
    public TextSignatureBackfill(JdbcTemplate jdbc) {
        this(jdbc, BATCH);
    }

    /** With another batch size (tests walk several batches over a few rows). */
    public TextSignatureBackfill(JdbcTemplate jdbc, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** What a run did: rows filled, rounds, and rows still without a signature when it ended. */
    public record Result(long filled, int batches, long left) {}

    @Override
    public void run(ApplicationArguments args) {
        Thread t = new Thread(
                () -> {
                    try {
                        fill();
                    } catch (RuntimeException e) {
                        // the finder still scores unsigned rows from their text; the next start tries again
                        LOG.warn("text_sig backfill stopped: {}", e.toString());
                    }
                },
                "text-sig-backfill");
        t.setDaemon(true);
        t.start();
    }

    /** Fills every missing signature, batch by batch, and reports progress; returns what it did. */
    public Result fill() {
        Long missing = jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE text_sig IS NULL", Long.class);
        long total = missing == null ? 0 : missing;
        if (total == 0) {
            LOG.debug("text_sig backfill: every case has its text signature");
            return new Result(0, 0, 0);
        }
        LOG.info(
                "text_sig backfill: {} cases reported before V13 have no text signature; filling in batches of {}",
                total,
                batch);
        long filled = 0;
        int batches = 0;
        String after = "";
        while (true) {
            List<Object[]> rows = jdbc.query(
                    "SELECT id, title, description FROM case_record"
                            + " WHERE text_sig IS NULL AND id > ? ORDER BY id LIMIT " + batch,
                    (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                    after);
            if (rows.isEmpty()) {
                break;
            }
            List<Object[]> updates = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                updates.add(new Object[] {
                    TextSignature.of((String) r[1], (String) r[2]).bytes(), r[0]
                });
            }
            int[] counts =
                    jdbc.batchUpdate("UPDATE case_record SET text_sig = ? WHERE id = ? AND text_sig IS NULL", updates);
            for (int c : counts) {
                // a driver that cannot count rows in a batch answers SUCCESS_NO_INFO (-2): the row was sent
                filled += c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, c);
            }
            batches++;
            after = (String) rows.get(rows.size() - 1)[0];
            LOG.info("text_sig backfill: {} of {} cases ({}%)", filled, total, Math.min(100, filled * 100 / total));
            if (rows.size() < batch) {
                break;
            }
        }
        Long still = jdbc.queryForObject("SELECT COUNT(*) FROM case_record WHERE text_sig IS NULL", Long.class);
        long left = still == null ? 0 : still;
        LOG.info(
                "text_sig backfill done: {} cases filled in {} batches, {} without a signature", filled, batches, left);
        return new Result(filled, batches, left);
    }
}
