package org.gridgov.launcher;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.model.SourceType;
import org.gridgov.dashboards.BundleQueryReport;
import org.gridgov.simulator.duplicates.DuplicateScore;
import org.gridgov.simulator.generator.GroundTruth;
import org.gridgov.warehouse.CaseTables;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * What the demo produced, read back from the warehouse: per-source counts that must reconcile
 * (generated = ODS rows + dead letters), the DWD and ADS tables, and the dead-letter reasons.
 */
public record DemoResult(
        Map<SourceType, Long> generated,
        Map<SourceType, Long> ods,
        Map<SourceType, Long> deadLetters,
        Map<SourceType, Long> plantedInvalid,
        long dwdRows,
        List<AdsRow> ads,
        Map<String, String[]> reasons,
        List<String> analyticsReport,
        Map<String, Long> alertsByRuleLevel,
        List<String> alertExamples,
        DemoPipeline.AlertOutcome alerts,
        DemoGateway.Outcome gateway,
        BundleQueryReport dashboards,
        DemoPipeline.CaseServiceOutcome caseService,
        List<ResponseRow> responseRates,
        DuplicateScore.Outcome duplicates) {

    /** One DEPARTMENT row of ads_case_response_month (接诉即办, issue 19); a rate is null when nothing was due. */
    public record ResponseRow(
            String month,
            String department,
            long cases,
            Double responseRate,
            Double resolveRate,
            Double satisfactionRate) {}

    /** One row of ads_hotline_street_month. */
    public record AdsRow(
            String month, String street, long accepted, long replied, long closed, long overdue, double closeRate) {}

    static DemoResult read(
            WarehouseReport report,
            Connection c,
            Map<SourceType, Long> generated,
            GroundTruth truth,
            List<String> analyticsReport,
            DemoPipeline.AlertOutcome alerts,
            DemoGateway.Outcome gateway,
            BundleQueryReport dashboards,
            DemoPipeline.CaseServiceOutcome caseService,
            DuplicateScore.Outcome duplicates)
            throws SQLException {
        List<AdsRow> ads = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT stat_month, street_name, accepted_cnt, replied_cnt, closed_cnt,"
                        + " overdue_cnt, close_rate FROM ads_hotline_street_month ORDER BY stat_month, accepted_cnt DESC,"
                        + " street_code")) {
            while (rs.next()) {
                ads.add(new AdsRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getDouble(7)));
            }
        }
        Map<SourceType, Long> planted = new EnumMap<>(SourceType.class);
        for (SourceType s : SourceType.values()) {
            planted.put(s, truth.emitted(s) - truth.valid(s));
        }
        Map<String, Long> byRule = new java.util.LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rule, level_label, COUNT(*) FROM ads_alert_event GROUP BY rule,"
                        + " level_label ORDER BY rule, level_label")) {
            while (rs.next()) {
                byRule.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT level_label, rule, message FROM ads_alert_event ORDER BY"
                        + " FIELD(level, 'RED', 'ORANGE', 'YELLOW', 'BLUE'), event_time LIMIT 5")) {
            while (rs.next()) {
                examples.add("[" + rs.getString(1) + "] " + rs.getString(2) + ": " + rs.getString(3));
            }
        }
        List<ResponseRow> responses = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT stat_month, dim_name, case_cnt, response_rate, resolve_rate,"
                        + " satisfaction_rate FROM " + CaseTables.ADS_CASE_RESPONSE_MONTH.name()
                        + " WHERE dim_type = 'DEPARTMENT' ORDER BY stat_month, case_cnt DESC, dim_code")) {
            while (rs.next()) {
                responses.add(new ResponseRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rate(rs.getBigDecimal(4)),
                        rate(rs.getBigDecimal(5)),
                        rate(rs.getBigDecimal(6))));
            }
        }
        return new DemoResult(
                new EnumMap<>(generated),
                report.odsCounts(),
                report.deadLetterCounts(),
                planted,
                report.count(WarehouseSchema.DWD_HOTLINE_CASE),
                ads,
                report.deadLetterReasons(8),
                List.copyOf(analyticsReport),
                byRule,
                examples,
                alerts,
                gateway,
                dashboards,
                caseService,
                List.copyOf(responses),
                duplicates);
    }

    public long alertCount() {
        return alertsByRuleLevel.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every source reconciles: generated = ODS + dead letters, and the dead letters are exactly the planted defects. */
    public boolean reconciles() {
        for (SourceType s : SourceType.values()) {
            long gen = generated.getOrDefault(s, 0L);
            if (gen != ods.get(s) + deadLetters.get(s) || !deadLetters.get(s).equals(plantedInvalid.get(s))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The security checks of the run: the gateway let only the signed batch in and every reject reached dlq_record;
     * the public Open311 output of every case the demo created held no personal data and no internal case.
     */
    public boolean secure() {
        return gateway.reconciles()
                && caseService.publicData().leaks().isEmpty()
                && caseService.publicData().citizenCases() > 0;
    }

    void print(PrintStream out, Duration wall, long peakMib) {
        out.println();
        out.println("== What landed where ==");
        TextTable t = new TextTable("source", "generated", "ODS rows", "dead letters", "planted defects", "reconciled");
        for (SourceType s : SourceType.values()) {
            long gen = generated.getOrDefault(s, 0L);
            boolean ok =
                    gen == ods.get(s) + deadLetters.get(s) && deadLetters.get(s).equals(plantedInvalid.get(s));
            t.row(
                    s.code() + " " + s.label(),
                    fmt(gen),
                    fmt(ods.get(s)),
                    fmt(deadLetters.get(s)),
                    fmt(plantedInvalid.get(s)),
                    ok ? "yes" : "NO");
        }
        t.row(
                "total",
                fmt(DemoPipeline.total(generated)),
                fmt(DemoPipeline.total(ods)),
                fmt(DemoPipeline.total(deadLetters)),
                fmt(DemoPipeline.total(plantedInvalid)),
                reconciles() ? "yes" : "NO");
        out.print(t.render("  "));
        out.printf(
                "  DWD dwd_hotline_case: %,d rows (one per valid 12345 case, placed in street/community/grid)%n",
                dwdRows);

        out.println();
        out.println("== Dead letters by first failing field ==");
        TextTable r = new TextTable("field", "records", "example reason");
        reasons.forEach((field, v) -> r.row(field, fmt(Long.parseLong(v[0])), abbreviate(v[1], 70)));
        out.print(r.render("  "));

        out.println();
        out.println("== ADS ads_hotline_street_month (12345 受理量 by street) ==");
        TextTable a = new TextTable("month", "street", "受理量", "回复数", "办结数", "超期数", "办结率");
        ads.forEach(x -> a.row(
                x.month(),
                x.street(),
                fmt(x.accepted()),
                fmt(x.replied()),
                fmt(x.closed()),
                fmt(x.overdue()),
                String.format("%.1f%%", x.closeRate() * 100)));
        out.print(a.render("  "));

        out.println();
        analyticsReport.forEach(out::println);

        out.println();
        out.printf("== Alerts (ads_alert_event): %,d ==%n", alertCount());
        TextTable al = new TextTable("rule", "level", "alerts");
        alertsByRuleLevel.forEach(
                (k, n) -> al.row(k.substring(0, k.lastIndexOf(' ')), k.substring(k.lastIndexOf(' ') + 1), fmt(n)));
        out.print(al.render("  "));
        alertExamples.forEach(e -> out.println("  " + abbreviate(e, 110)));
        long valid = alerts.pushes().stream()
                .filter(WebhookReceiver.Push::signatureValid)
                .count();
        out.printf(
                "  leaders' robot (local DingTalk-format receiver): %d pushes, %d with a valid signature%n",
                alerts.pushes().size(), valid);
        out.println("  score against the ground truth: " + alerts.scoreLine());

        out.println();
        DemoPipeline.WalkOutcome walk = caseService.walk();
        out.printf(
                "== 接诉即办 (ads_case_response_month by department, from the %d cases walked before the loader:"
                        + " %d closed and visited) ==%n",
                walk.cases(), walk.visited());
        TextTable rr = new TextTable("month", "department", "cases", "响应率", "解决率", "满意率");
        responseRates.forEach(x -> rr.row(
                x.month(),
                x.department(),
                fmt(x.cases()),
                percent(x.responseRate()),
                percent(x.resolveRate()),
                percent(x.satisfactionRate())));
        out.print(rr.render("  "));

        out.println();
        out.println("== Similar-case finder (issue 19) ==");
        out.println("  " + duplicates.line());

        out.println();
        out.printf("== Intake gateway (signed by %s) ==%n", DemoGateway.CLIENT);
        out.printf(
                "  %d sent, %d published, %d rejected → %d in dlq_record (source dlq.hotline); unsigned request %d,"
                        + " forged signature %d: %s%n",
                gateway.sent(),
                gateway.published(),
                gateway.rejected(),
                gateway.archived(),
                gateway.unsignedStatus(),
                gateway.forgedStatus(),
                gateway.reconciles() ? "reconciled" : "NOT RECONCILED");

        out.println();
        out.printf(
                "== Superset bundle over this warehouse: %d datasets, %d charts, %d failed, %d empty ==%n",
                dashboards.datasets().size(),
                dashboards.charts().size(),
                dashboards.failures().size(),
                dashboards.empty().size());

        out.println();
        out.printf("== Case service: %s ==%n", caseService.url());
        out.printf(
                "  %d demo users (passwords above, shown once); smoke-test case %s reported and dispatched,"
                        + " %d of its events published to case.events%n",
                caseService.demoUsers(), caseService.smokeCaseId(), caseService.caseEventsPublished());
        CaseServiceProcess.PublicData pub = caseService.publicData();
        out.printf(
                "  public Open311 output of every case the demo created (%d citizen cases with consent,"
                        + " %d internal): %s%n",
                pub.citizenCases(),
                pub.internalCases(),
                pub.leaks().isEmpty()
                        ? "no personal data, internal case not shown"
                        : pub.leaks().size() + " LEAKS: " + pub.leaks());

        out.println();
        out.printf(
                "Reconciliation: %s. Security checks: %s. Wall time %.1f s, peak memory of all processes %,d MiB.%n",
                reconciles() ? "OK (generated = ODS + dead letters for every source)" : "FAILED",
                secure() ? "OK" : "FAILED",
                wall.toMillis() / 1000.0,
                peakMib);
    }

    private static Double rate(java.math.BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }

    private static String percent(Double rate) {
        return rate == null ? "—" : String.format("%.1f%%", rate * 100);
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
