package org.gridgov.warehouse;

import java.util.List;

/**
 * Builds {@link IdentityTables#DWS_PERSON_EVENT} from the tables the loader writes: one {@code INSERT … SELECT} per
 * source, the same SQL on Doris (a unique-key table: a row with the same key replaces the old one) and on MariaDB
 * ({@code REPLACE}), so a rerun writes the same rows. Run by the analytics run before its Spark jobs
 * ({@code batch-jobs}' {@code AnalyticsJobs}) and by the tests that load generated data; kept beside the catalogue so
 * its column list cannot drift from the table's.
 *
 * <p>Person keys are the sources' own columns (the ID card's key, else the phone's): phone-only records are linked to
 * a card holder at read time from {@code dwd_person_link} ({@code common}'s {@code PhoneLinks}), never here.
 */
public final class PersonEventBuild {

    /** Characters of a record's (already redacted) text kept as its summary. */
    public static final int SUMMARY_CHARS = 60;

    private static final String COLUMNS = "person_key, source, record_id, event_time, name_masked, id_card_masked,"
            + " grid_code, latitude, longitude, category_code, status, company_name, summary";

    private PersonEventBuild() {}

    /** The statements, in order; each is one source and commits on its own. */
    public static List<String> statements(SqlDialect dialect) {
        String into = (dialect == SqlDialect.MYSQL ? "REPLACE INTO " : "INSERT INTO ")
                + IdentityTables.DWS_PERSON_EVENT.name() + " (" + COLUMNS + ") ";
        return List.of(
                into + "SELECT person_key, 'PETITION', petition_id, petition_time, person_name_masked, id_card_masked,"
                        + " NULL, latitude, longitude, category_code, form, company_name,"
                        + " SUBSTRING(content, 1, " + SUMMARY_CHARS
                        + ") FROM ods_petition WHERE person_key IS NOT NULL",
                into + "SELECT o.caller_key, 'HOTLINE', o.case_id, o.accept_time, o.caller_name_masked,"
                        + " o.caller_id_card_masked, d.grid_code, o.latitude, o.longitude, o.category_code, o.status,"
                        + " NULL, SUBSTRING(o.content, 1, " + SUMMARY_CHARS + ") FROM ods_hotline_case o"
                        + " LEFT JOIN dwd_hotline_case d ON d.case_id = o.case_id AND d.accept_date = o.accept_date"
                        + " WHERE o.caller_key IS NOT NULL",
                into + "SELECT person_key, 'POLICE', incident_id, report_time, person_name_masked, id_card_masked,"
                        + " NULL, latitude, longitude, incident_type, NULL, NULL,"
                        + " SUBSTRING(content, 1, " + SUMMARY_CHARS + ") FROM ods_police_incident"
                        + " WHERE person_key IS NOT NULL",
                into + "SELECT complainant_key, 'ARREARS', case_id, report_time, complainant_name_masked,"
                        + " id_card_masked, NULL, latitude, longitude, NULL, status, company_name,"
                        + " SUBSTRING(project_name, 1, " + SUMMARY_CHARS + ") FROM ods_arrears_case"
                        + " WHERE complainant_key IS NOT NULL",
                into + "SELECT person_key, 'GRID', record_id, record_time, NULL, id_card_masked, grid_code,"
                        + " latitude, longitude, category_code, kind, NULL,"
                        + " SUBSTRING(content, 1, " + SUMMARY_CHARS + ") FROM ods_grid_record"
                        + " WHERE person_key IS NOT NULL");
    }
}
