package org.gridgov.ingestion.gateway;

import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.pii.PiiProtector;

/**
 * The Kafka key of a validated record, which decides its partition and therefore what stays in order:
 * <ul>
 *   <li>12345 cases and arrears cases change state over time (受理 → 回复 → 办结, 未化解 → 已化解) and each export
 *   carries the case's latest state, so they are keyed by <b>case id</b>: every version of a case is in one partition
 *   and the loader's upsert ends with the newest one;</li>
 *   <li>petitions, police incidents and grid visits are about a person and do not change once recorded, so they are
 *   keyed by the <b>person</b> - the salted person key, never the ID-card number - and one person's records stay in
 *   order (repeat petitions, a person's trajectory across visits and incidents); without a known person, by record
 *   id.</li>
 * </ul>
 * Order across topics (a person's petition versus their hotline call) is never guaranteed by Kafka; the alert jobs
 * order by event time.
 */
public final class RecordKeys {

    private final PiiProtector pii;

    public RecordKeys(PiiProtector pii) {
        this.pii = pii;
    }

    public String key(SourceRecord record) {
        if (record instanceof HotlineCase c) {
            return c.caseId();
        } else if (record instanceof ArrearsCase a) {
            return a.caseId();
        } else if (record instanceof Petition p) {
            return person(pii.idCardKey(p.personIdCard()), p.petitionId());
        } else if (record instanceof PoliceIncident i) {
            return person(pii.personKey(i.personIdCard(), i.personPhone()), i.incidentId());
        } else if (record instanceof GridRecord g) {
            return person(pii.idCardKey(g.personIdCard()), g.recordId());
        }
        throw new IllegalArgumentException("no key rule for " + record.getClass());
    }

    private static String person(String personKey, String recordId) {
        return personKey != null ? "person:" + personKey : recordId;
    }
}
