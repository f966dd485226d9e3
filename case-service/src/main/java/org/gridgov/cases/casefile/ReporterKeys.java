package org.gridgov.cases.casefile;

import java.util.List;
import java.util.Map;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.common.pii.PiiProtector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The warehouse's person key of a case's reporter (V21 {@code case_record.reporter_key}): the platform's salted HMAC
 * of the reporter's phone, {@link PiiProtector#phoneKey}, the loader's own code, so 综合查询 finds a person's cases by
 * the keys it finds their warehouse records by (issue 17). Computed when a case is reported; cases stored before V21,
 * or while no salt was configured, are keyed at start-up ({@link #backfill}). Without a salt there are no keys and
 * 综合查询 by number is refused anyway. A changed salt re-keys the warehouse; clear the column
 * ({@code UPDATE case_record SET reporter_key = NULL}) and restart to re-key the cases too.
 */
@Component
public class ReporterKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ReporterKeys.class);
    static final int BATCH = 500;

    private final PiiProtector pii;
    private final JdbcTemplate jdbc;

    public ReporterKeys(CaseServiceProperties props, JdbcTemplate jdbc) {
        this.pii = props.piiSalt().isBlank() ? null : new PiiProtector(props.piiSalt());
        this.jdbc = jdbc;
    }

    /** The key of a phone as written by the reporter; null without a salt or a phone. */
    public String of(String phone) {
        return pii == null || phone == null || phone.isBlank() ? null : pii.phoneKey(phone);
    }

    /** Whether keys can be computed (the salt is configured). */
    public boolean available() {
        return pii != null;
    }

    /**
     * Keys the cases that have a phone and no key yet, {@link #BATCH} at a time; idempotent, and a restart with
     * nothing left reads only {@code idx_case_reporter_key}. Returns how many cases it keyed.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void keyOlderCases() {
        // a listener returning a value would publish it as an event: hence this void wrapper
        backfill();
    }

    public int backfill() {
        if (pii == null) {
            return 0;
        }
        int keyed = 0;
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, reporter_phone FROM case_record"
                    + " WHERE reporter_key IS NULL AND reporter_phone IS NOT NULL AND reporter_phone <> '' LIMIT "
                    + BATCH);
            int changed = 0;
            for (Map<String, Object> r : rows) {
                String key = of((String) r.get("reporter_phone"));
                if (key != null) {
                    // only a row still unkeyed: a case reported meanwhile keeps the key its report wrote
                    changed += jdbc.update(
                            "UPDATE case_record SET reporter_key = ? WHERE id = ? AND reporter_key IS" + " NULL",
                            key,
                            r.get("id"));
                }
            }
            keyed += changed;
            // a batch of blank phones only (nothing to key) ends it too, or it would read them forever
            if (rows.size() < BATCH || changed == 0) {
                break;
            }
        }
        if (keyed > 0) {
            LOG.info("reporter keys: keyed {} cases reported before the salt or V21", keyed);
        }
        return keyed;
    }
}
