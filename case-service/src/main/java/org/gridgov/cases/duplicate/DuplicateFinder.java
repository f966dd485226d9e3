package org.gridgov.cases.duplicate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.cases.access.Action;
import org.gridgov.cases.access.Authorization;
import org.gridgov.cases.access.Target;
import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.casefile.CaseTitles;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.Staff;
import org.gridgov.cases.similarity.TextSignature;
import org.gridgov.cases.similarity.TextSimilarity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 可能重复: open cases near a report, within a time window, that read alike. The query reads the bounding box cell
 * by cell on {@code idx_case_open_cell} (V12, see {@link #nearby}), a few index ranges whatever the number of stored
 * cases; the exact distance, the reader's scope and the
 * text score are then computed in Java on at most {@link #MAX_SCANNED} rows. Only the probe's text is segmented: each
 * candidate's features were stored when it was reported ({@link TextSignature}, V13).
 */
@Component
public class DuplicateFinder {

    /** Rows read from the box at most (newest first); a box holding more open cases than this is a hot spot. */
    static final int MAX_SCANNED = 500;
    /** Candidates returned at most. */
    static final int MAX_SHOWN = 5;

    static final double TEXT_WEIGHT = 0.75;
    static final double CATEGORY_WEIGHT = 0.25;

    /** What a report says, for the finder: location (lat/lon, or a grid alone), category and text. */
    public record Probe(
            Double latitude,
            Double longitude,
            String gridCode,
            String categoryCode,
            String title,
            String description,
            String excludeId) {}

    /** One possible duplicate; {@code distanceMetres} is null when the report had no coordinates. */
    public record Candidate(
            String caseId,
            String title,
            String categoryName,
            String gridCode,
            Integer distanceMetres,
            long minutesAgo,
            double score,
            String label) {}

    private final JdbcTemplate jdbc;
    private final CaseService cases;
    private final Refusals refusals;
    private final Clock clock;
    private final int radius;
    private final Duration window;
    private final double threshold;

    public DuplicateFinder(
            JdbcTemplate jdbc, CaseService cases, Refusals refusals, Clock clock, CaseServiceProperties props) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.refusals = refusals;
        this.clock = clock;
        this.radius = props.duplicateRadiusMetres();
        this.window = props.duplicateWindow();
        this.threshold = props.duplicateThreshold();
    }

    /**
     * What the finder reads of a candidate: its stored {@link TextSignature} (V13), and its description only when it has
     * none (a case reported before V13), so scoring a candidate segments nothing.
     */
    private static final String COLUMNS = "id, title, text_sig, CASE WHEN text_sig IS NULL THEN description END"
            + " AS description, category_code, category_name, grid_code, pending_role, current_step, department_code,"
            + " latitude, longitude, created_at";
    /** The same columns, read from the union of cells. */
    private static final String OUTER_COLUMNS = "id, title, text_sig, description, category_code, category_name,"
            + " grid_code, pending_role, current_step, department_code, latitude, longitude, created_at";

    /** A query and its arguments. */
    public record Query(String sql, Object[] args) {}

    /**
     * Open cases inside the latitude/longitude box around a point reported since a time, newest first, at most
     * {@code MAX_SCANNED}: one branch per 0.005° cell the box touches ({@link GeoCells}, V12's geo_cell), each read
     * newest first from {@code idx_case_open_cell} (status, geo_cell, created_at, latitude, longitude) with the box
     * checked in the index and cut at the limit, so no branch reads more than it can return. Public for the
     * benchmark's EXPLAIN.
     */
    public static Query nearby(double latitude, double longitude, int radiusMetres, LocalDateTime since) {
        double[] box = GeoDistance.box(latitude, longitude, radiusMetres);
        List<Long> cells = GeoCells.covering(box);
        StringBuilder sql = new StringBuilder("SELECT " + OUTER_COLUMNS + " FROM (");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ")
                    .append("(SELECT ")
                    .append(COLUMNS)
                    .append(" FROM case_record WHERE status = 'OPEN' AND geo_cell = ? AND created_at >= ?")
                    .append(" AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?")
                    .append(" ORDER BY created_at DESC LIMIT ")
                    .append(MAX_SCANNED)
                    .append(")");
            args.add(cells.get(i));
            args.add(since);
            args.add(box[0]);
            args.add(box[1]);
            args.add(box[2]);
            args.add(box[3]);
        }
        sql.append(") nearby ORDER BY created_at DESC LIMIT ").append(MAX_SCANNED);
        return new Query(sql.toString(), args.toArray());
    }

    /** Longest description a probe may carry (what the classifier reads of a report). */
    public static final int MAX_PROBE_CHARS = 2000;

    /**
     * A report not yet stored, checked as the API and the report form take it: texts within their columns,
     * latitude and longitude together and in range.
     */
    public static Probe probe(
            Double latitude, Double longitude, String gridCode, String categoryCode, String title, String description) {
        if (title != null && title.length() > 100) {
            throw new InvalidInputException("title", "title 最长 100 个字符 / longer than 100");
        }
        if (description != null && description.length() > MAX_PROBE_CHARS) {
            throw new InvalidInputException(
                    "description", "description 最长 " + MAX_PROBE_CHARS + " 个字符 / longer than " + MAX_PROBE_CHARS);
        }
        if ((latitude == null) != (longitude == null)) {
            throw new InvalidInputException("latitude", "纬度和经度须同时给出 / latitude and longitude go together");
        }
        if (latitude != null
                && (latitude.isNaN() || longitude.isNaN() || Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) {
            throw new InvalidInputException("latitude", "坐标超出范围 / coordinates out of range");
        }
        return new Probe(latitude, longitude, gridCode, categoryCode, title, description, null);
    }

    /** For the report form, before the report is stored: whoever may report may ask. */
    public List<Candidate> forReport(Staff staff, Probe p) {
        refusals.require(staff, Action.CASE_REPORT, Target.nothing(), "CASE", null);
        return find(staff, p);
    }

    /** For a stored case the user may see (its page, the dispatch page). */
    public List<Candidate> forCase(Staff staff, String caseId) {
        CaseRecord c = cases.view(staff, caseId);
        if (!c.open()) {
            return List.of();
        }
        CaseRecord.Location l = c.location();
        return find(
                staff,
                new Probe(
                        l.latitude() == null ? null : l.latitude().doubleValue(),
                        l.longitude() == null ? null : l.longitude().doubleValue(),
                        l.gridCode(),
                        c.report().categoryCode(),
                        c.report().title(),
                        c.report().description(),
                        c.id()));
    }

    /** The score of two reports: text cosine weighted 0.75, same category 0.25. */
    public static double score(Map<String, Double> a, Map<String, Double> b, boolean sameCategory) {
        return score(TextSimilarity.cosine(a, b), sameCategory);
    }

    /** The score of two reports whose texts' cosine is known (from their {@link TextSignature}s). */
    public static double score(double textCosine, boolean sameCategory) {
        return TEXT_WEIGHT * textCosine + (sameCategory ? CATEGORY_WEIGHT : 0);
    }

    /** Candidates the user may see, best first, at or above the threshold. */
    public List<Candidate> find(Staff staff, Probe p) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime since = now.minus(window);
        List<Row> rows;
        boolean located = p.latitude() != null && p.longitude() != null;
        if (located) {
            Query q = nearby(p.latitude(), p.longitude(), radius, since);
            rows = jdbc.query(q.sql(), Row.MAPPER, q.args());
        } else if (p.gridCode() != null && !p.gridCode().isBlank()) {
            rows = jdbc.query(
                    "SELECT " + COLUMNS + " FROM case_record"
                            + " WHERE grid_code = ? AND status = 'OPEN' AND created_at >= ?"
                            + " ORDER BY created_at DESC LIMIT " + MAX_SCANNED,
                    Row.MAPPER,
                    p.gridCode(),
                    since);
        } else {
            return List.of();
        }
        TextSignature probe = TextSignature.of(p.title(), p.description());
        List<Candidate> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.id.equals(p.excludeId())) {
                continue;
            }
            Integer distance = null;
            if (located && r.latitude != null && r.longitude != null) {
                double d = GeoDistance.metres(
                        p.latitude(), p.longitude(), r.latitude.doubleValue(), r.longitude.doubleValue());
                if (d > radius) {
                    continue;
                }
                distance = (int) Math.round(d);
            }
            if (!Authorization.allows(staff, Action.CASE_VIEW, r.target())) {
                continue;
            }
            double cosine = TextSignature.valid(r.textSig)
                    ? probe.cosine(r.textSig)
                    : probe.cosine(TextSignature.of(r.title, r.description));
            double s = score(cosine, r.categoryCode.equals(p.categoryCode()));
            if (s >= threshold) {
                long minutes = Math.max(0, Duration.between(r.createdAt, now).toMinutes());
                double rounded = Math.round(s * 100) / 100.0;
                out.add(new Candidate(
                        r.id,
                        CaseTitles.listed(r.title),
                        r.categoryName,
                        r.gridCode,
                        distance,
                        minutes,
                        rounded,
                        label(r.id, distance, minutes, rounded)));
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return out.size() > MAX_SHOWN ? List.copyOf(out.subList(0, MAX_SHOWN)) : out;
    }

    /** "可能重复: <case>, 230 m, 2 小时前, 相似度 0.82". */
    static String label(String id, Integer distance, long minutes, double score) {
        String ago = minutes < 60
                ? minutes + " 分钟前"
                : minutes < 48 * 60 ? minutes / 60 + " 小时前" : minutes / (24 * 60) + " 天前";
        return "可能重复: " + id + (distance == null ? "" : ", " + distance + " m") + ", " + ago + ", 相似度 "
                + String.format(java.util.Locale.ROOT, "%.2f", score);
    }

    /** A candidate as read: {@code textSig} (V13) or, for a case reported before V13, {@code description}. */
    private record Row(
            String id,
            String title,
            byte[] textSig,
            String description,
            String categoryCode,
            String categoryName,
            String gridCode,
            String pendingRole,
            String currentStep,
            String departmentCode,
            BigDecimal latitude,
            BigDecimal longitude,
            LocalDateTime createdAt) {

        static final org.springframework.jdbc.core.RowMapper<Row> MAPPER = (rs, i) -> new Row(
                rs.getString(1),
                rs.getString(2),
                rs.getBytes(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getBigDecimal(11),
                rs.getBigDecimal(12),
                rs.getObject(13, LocalDateTime.class));

        Target.Case target() {
            return new Target.Case(gridCode, pendingRole, currentStep, departmentCode);
        }
    }
}
