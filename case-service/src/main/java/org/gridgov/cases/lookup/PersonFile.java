package org.gridgov.cases.lookup;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What 综合查询 shows of a person (issue 17): the masked identity, the latest risk score, the records of every source
 * inside the reader's area (one page of them, newest first), the alerts raised about the person and the companies in
 * their records. {@code ref} is the salted person key, never a number.
 *
 * @param hiddenOutsideScope records of the person outside the reader's area, counted but not shown
 * @param cases              the case-service cases reported from the person's phones (the phone the file is keyed
 *                           by, or the phones the warehouse links to the ID card) that the reader may open, newest
 *                           first
 */
public record PersonFile(
        String ref,
        String nameMasked,
        String idCardMasked,
        Risk risk,
        Map<String, Long> bySource,
        List<Row> records,
        int page,
        int pageSize,
        long total,
        long hiddenOutsideScope,
        List<Alert> alerts,
        List<String> companies,
        List<CaseLink> cases) {

    /** One linked record: where it came from, when, where, what and its state; drills to {@code /lookup/records}. */
    public record Row(
            String source,
            String sourceLabel,
            String recordId,
            LocalDateTime time,
            String gridCode,
            String place,
            String category,
            String status,
            String company,
            String summary) {}

    /** The latest monthly score ({@code ads_person_risk_month}). */
    public record Risk(String month, BigDecimal score, String level, int rank, String factors) {}

    /** An alert whose subject is the person ({@code ads_alert_event}). */
    public record Alert(String alertId, String rule, String levelLabel, LocalDateTime time, String message) {}

    /** A search hit: open it with {@link #ref}. */
    public record Candidate(String ref, String nameMasked, String idCardMasked, long records, String note) {}

    /** A case-service case reported from the person's phone; ID and phone numbers in the title masked. */
    public record CaseLink(String id, String title, String status, LocalDateTime createdAt) {}

    /** The answer to a search: what was searched (masked), the persons found, the cases of a phone number. */
    public record SearchResult(String queryMasked, List<Candidate> candidates, List<CaseLink> cases) {}
}
