package org.gridgov.loading;

import java.util.List;
import org.gridgov.warehouse.TableRow;

/**
 * What became of one raw record: its warehouse rows (ODS first, then DWD where there is one), or exactly one
 * {@code dlq_record} row. {@code key} is the ODS key of an accepted record ({@code case_id} and date, joined), which
 * routes and deduplicates it; the dead-letter id for a rejected one. {@code evidence} are the identity-evidence rows
 * an accepted record gives ({@code dwd_person_link}): written beside its rows, but not the record's own tables, so
 * the loaders' per-table reconciliation and the record's rows stay what they were.
 */
public record LoadOutcome(List<TableRow> rows, TableRow deadLetter, String key, List<TableRow> evidence) {

    public LoadOutcome(List<TableRow> rows, TableRow deadLetter, String key) {
        this(rows, deadLetter, key, List.of());
    }

    public boolean accepted() {
        return deadLetter == null;
    }

    /** The rows to write: the record's rows, or its dead letter. */
    public List<TableRow> output() {
        return accepted() ? rows : List.of(deadLetter);
    }
}
