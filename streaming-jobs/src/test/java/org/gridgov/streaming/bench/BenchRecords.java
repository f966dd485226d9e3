package org.gridgov.streaming.bench;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.streaming.alerts.EventTimes;

/**
 * Synthetic, valid raw records for the benchmark, record {@code i} always the same: 70 % 12345 calls, 20 % police
 * incidents, 10 % petitions, by {@code persons} residents with real-looking ID cards and phones, at grid anchors of
 * the district, under real categories. A call is either still open or (when the caller asks for it) closed a day
 * after it was accepted, as most 12345 cases are, well within their 5-day limit. Times are given by the caller.
 * Cheap to build (string templates), so the benchmark measures the job rather than the generator.
 */
public final class BenchRecords implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int persons;
    private transient double[][] places;
    private transient String[] categories;
    private transient String[] idCards;
    private transient String[] phones;

    public BenchRecords(int persons) {
        this.persons = persons;
    }

    public SourceType source(long i) {
        int x = (int) Math.floorMod(i * 7919L, 10L);
        return x < 7 ? SourceType.HOTLINE : x < 9 ? SourceType.POLICE : SourceType.PETITION;
    }

    public int person(long i) {
        return (int) Math.floorMod(i * 2_654_435_761L, (long) persons);
    }

    public String id(long i) {
        return switch (source(i)) {
            case HOTLINE -> "BH" + i;
            case POLICE -> "BJ" + i;
            default -> "BX" + i;
        };
    }

    /** The same number as {@code IdCardNumber.of("370112", 1950-01-01 + person/1000 days, person % 1000)}. */
    public static String idCard(int person) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(person / 1000);
        StringBuilder sb = new StringBuilder(18).append("370112").append(birth.getYear());
        pad(sb, birth.getMonthValue(), 2);
        pad(sb, birth.getDayOfMonth(), 2);
        pad(sb, person % 1000, 3);
        return sb.append(IdCardNumber.checkChar(sb.toString())).toString();
    }

    public static String phone(int person) {
        return pad(new StringBuilder(11).append("139"), person, 8).toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String v = Integer.toString(value);
        for (int i = v.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** The JSON of record {@code i} of {@code source} about {@code person} at {@code time}. */
    public String json(long i, SourceType source, int person, LocalDateTime time) {
        return json(i, source, person, time, false);
    }

    /** Whether record {@code i} is a call closed on time in a run over the past (4 in 5 are). */
    public static boolean closedOnTime(long i) {
        return i % 5 != 0;
    }

    public String json(long i, SourceType source, int person, LocalDateTime time, boolean closed) {
        init();
        double[] place = places[person % places.length];
        String category = categories[(int) Math.floorMod(i * 31L + person, (long) categories.length)];
        String t = Json.time(time);
        String idCard = idCards[person];
        String phone = phones[person];
        return switch (source) {
            case HOTLINE ->
                "{\"schema_version\":1,\"case_id\":\"" + id(i) + "\",\"channel\":\"PHONE\","
                        + "\"category_code\":\"" + category + "\",\"content\":\"来电反映小区噪音扰民，请求处理\","
                        + "\"caller_name\":\"张伟\",\"caller_phone\":\"" + phone + "\",\"caller_id_card\":\"" + idCard
                        + "\",\"latitude\":" + place[0] + ",\"longitude\":" + place[1] + ",\"accept_time\":\"" + t
                        + "\",\"deadline\":\"" + Json.time(time.plusDays(5))
                        + (closed
                                ? "\",\"status\":\"CLOSED\",\"reply_time\":\"" + Json.time(time.plusHours(20))
                                        + "\",\"close_time\":\"" + Json.time(time.plusDays(1))
                                        + "\",\"satisfaction\":5}"
                                : "\",\"status\":\"ACCEPTED\"}");
            case POLICE ->
                "{\"schema_version\":1,\"incident_id\":\"" + id(i) + "\",\"incident_type\":\"DISPUTE\","
                        + "\"person_name\":\"张伟\",\"person_id_card\":\"" + idCard + "\",\"person_phone\":\"" + phone
                        + "\",\"content\":\"邻里纠纷，民警到场调解\",\"latitude\":" + place[0] + ",\"longitude\":"
                        + place[1] + ",\"report_time\":\"" + t + "\"}";
            default ->
                "{\"schema_version\":1,\"petition_id\":\"" + id(i) + "\",\"person_name\":\"张伟\","
                        + "\"person_id_card\":\"" + idCard + "\",\"person_phone\":\"" + phone + "\",\"form\":\"VISIT\","
                        + "\"category_code\":\"" + category + "\",\"content\":\"信访人反映问题，要求解决\","
                        + "\"group_size\":1,\"latitude\":" + place[0] + ",\"longitude\":" + place[1]
                        + ",\"petition_time\":\"" + t + "\"}";
        };
    }

    /** Millis from epoch at district time for a LocalDateTime, for callers that stamp events. */
    public static long millis(LocalDateTime t) {
        return EventTimes.millis(t);
    }

    private void init() {
        if (places == null) {
            List<Grid> grids = District.licheng().grids();
            double[][] p = new double[grids.size()][];
            for (int g = 0; g < p.length; g++) {
                p[g] = new double[] {
                    grids.get(g).anchor().getY(), grids.get(g).anchor().getX()
                };
            }
            places = p;
            categories = CategoryCatalog.standard().all().stream()
                    .map(Category::code)
                    .toArray(String[]::new);
            // computed once: the benchmark is to measure the job, not the making of test numbers
            idCards = new String[persons];
            phones = new String[persons];
            for (int i = 0; i < persons; i++) {
                idCards[i] = idCard(i);
                phones[i] = phone(i);
            }
        }
    }
}
