package org.gridgov.loading.identity;

import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.common.identity.LinkEvidence;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.loading.row.RowValues;
import org.gridgov.warehouse.IdentityTables;
import org.gridgov.warehouse.TableRow;

/**
 * A valid record's {@code dwd_person_link} row: the evidence it gives about its phone (which ID-card person and which
 * name it wrote beside it). Records without a phone give none. The sources' person-key columns are not touched:
 * linking is decided later from all evidence ({@code PhoneLinks}), never by the record that happens to come first.
 */
public final class LinkEvidenceRows {

    private final PersonKeys keys;

    public LinkEvidenceRows(PiiProtector pii) {
        this(new PersonKeys(pii));
    }

    /** With the keys the record's ODS mapper uses ({@link PersonKeys}: each key hashed once per record). */
    public LinkEvidenceRows(PersonKeys keys) {
        this.keys = keys;
    }

    /** The record's link evidence row, or none. */
    public List<TableRow> rows(SourceRecord record) {
        Claim c = claim(record);
        if (c == null || c.phone() == null) {
            return List.of();
        }
        LinkEvidence e = evidence(record);
        RowValues v = new RowValues(IdentityTables.DWD_PERSON_LINK);
        v.put("phone_key", e.phoneKey());
        v.put("evidence_id", e.evidenceId());
        v.put("source", c.source().name());
        v.put("person_key", e.personKey());
        v.put("name_key", e.nameKey());
        v.put("seen_time", Json.time(c.time()));
        return List.of(v.row());
    }

    /** The same evidence as the row holds, for callers that decide links in memory; null without a phone. */
    public LinkEvidence evidence(SourceRecord record) {
        Claim c = claim(record);
        if (c == null || c.phone() == null) {
            return null;
        }
        return new LinkEvidence(
                keys.phoneKey(c.phone()),
                c.source().name() + ":" + c.id(),
                keys.idCardKey(c.idCard()),
                keys.nameKey(PersonNames.evidenceForm(c.name())));
    }

    private static Claim claim(SourceRecord record) {
        if (record instanceof HotlineCase h) {
            return new Claim(
                    SourceType.HOTLINE, h.caseId(), h.callerIdCard(), h.callerPhone(), h.callerName(), h.acceptTime());
        } else if (record instanceof Petition p) {
            return new Claim(
                    SourceType.PETITION,
                    p.petitionId(),
                    p.personIdCard(),
                    p.personPhone(),
                    p.personName(),
                    p.petitionTime());
        } else if (record instanceof ArrearsCase a) {
            return new Claim(
                    SourceType.ARREARS,
                    a.caseId(),
                    a.complainantIdCard(),
                    a.complainantPhone(),
                    a.complainantName(),
                    a.reportTime());
        } else if (record instanceof PoliceIncident i) {
            return new Claim(
                    SourceType.POLICE,
                    i.incidentId(),
                    i.personIdCard(),
                    i.personPhone(),
                    i.personName(),
                    i.reportTime());
        }
        return null;
    }

    private record Claim(SourceType source, String id, String idCard, String phone, String name, LocalDateTime time) {}
}
