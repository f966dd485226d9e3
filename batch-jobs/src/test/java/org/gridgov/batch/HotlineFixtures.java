package org.gridgov.batch;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Street;
import org.gridgov.warehouse.WarehouseSchema;

/** DWD hotline cases and dim_street rows with fixed, named values, for Spark and warehouse tests alike. */
public final class HotlineFixtures {

    public static final String SHANDALU = "370112001"; // 山大路街道
    public static final String HONGJIALOU = "370112002"; // 洪家楼街道
    public static final String DONGFENG = "370112003"; // 东风街道

    private HotlineFixtures() {}

    /** The 16 streets of 历城区 from the common reference data, as dim_street rows. */
    public static List<Row> districtStreets() {
        List<Row> rows = new ArrayList<>();
        for (Street s : District.licheng().streets()) {
            rows.add(street(s.code(), s.name()));
        }
        return rows;
    }

    public static Row street(String code, String name) {
        return TestRows.row(
                WarehouseSchema.DIM_STREET,
                Map.of(
                        "street_code",
                        code,
                        "street_name",
                        name,
                        "district_code",
                        District.CODE,
                        "district_name",
                        District.NAME));
    }

    /**
     * One case accepted on the given day of the month at 09:30 Beijing time; flags 0/1 for replied, closed, overdue.
     * Other columns get plausible constants; nullable ones are null so the writers' NULL path is exercised.
     */
    public static Row hotlineCase(
            String caseId, String month, int day, String streetCode, int replied, int closed, int overdue) {
        return hotlineCase(caseId, month, day, streetCode, replied, closed, overdue, "0101", "小区门口路灯不亮，夜间出行不便");
    }

    /**
     * A call by {@code caller} repeating the problem {@code master} (null: it repeats nothing), open, as the ODS
     * loader's duplicate marker writes it.
     */
    public static Row repeatCall(
            String caseId,
            String month,
            int day,
            String streetCode,
            String categoryCode,
            String caller,
            String master) {
        Map<String, Object> v = new HashMap<>();
        Row base = hotlineCase(caseId, month, day, streetCode, 0, 0, 0, categoryCode, "又一次反映：路灯不亮");
        for (int i = 0; i < base.size(); i++) {
            v.put(WarehouseSchema.DWD_HOTLINE_CASE.columnNames().get(i), base.get(i));
        }
        v.put("caller_key", caller);
        v.put("master_case_id", master);
        v.put("is_duplicate", (byte) (master == null ? 0 : 1));
        return TestRows.row(WarehouseSchema.DWD_HOTLINE_CASE, v);
    }

    /** Like {@link #hotlineCase(String, String, int, String, int, int, int)} with the category and text given. */
    public static Row hotlineCase(
            String caseId,
            String month,
            int day,
            String streetCode,
            int replied,
            int closed,
            int overdue,
            String categoryCode,
            String content) {
        LocalDate date = LocalDate.parse(month + "-01").withDayOfMonth(day);
        LocalDateTime accepted = date.atTime(9, 30);
        Map<String, Object> v = new HashMap<>();
        v.put("case_id", caseId);
        v.put("accept_date", Date.valueOf(date));
        v.put("accept_month", month);
        v.put("street_code", streetCode);
        v.put("community_code", streetCode + "001");
        v.put("grid_code", streetCode + "00101");
        v.put("channel", "PHONE");
        v.put("category_code", categoryCode);
        v.put("category_l1_code", categoryCode.substring(0, categoryCode.length() - 2));
        v.put("department", "区城管局");
        v.put("caller_key", null);
        v.put("accept_time", Timestamp.valueOf(accepted));
        v.put("deadline", Timestamp.valueOf(accepted.plusDays(5)));
        v.put("status", closed == 1 ? "CLOSED" : "PROCESSING");
        v.put("is_replied", (byte) replied);
        v.put("is_closed", (byte) closed);
        v.put("is_overdue", (byte) overdue);
        v.put("satisfaction", null);
        v.put("close_time", closed == 1 ? Timestamp.valueOf(accepted.plusDays(2)) : null);
        v.put("master_case_id", null);
        v.put("is_duplicate", (byte) 0);
        v.put("content", content);
        return TestRows.row(WarehouseSchema.DWD_HOTLINE_CASE, v);
    }
}
