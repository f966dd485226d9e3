package org.gridgov.batch;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gridgov.batch.warehouse.SparkSchemas;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.locationtech.jts.geom.Point;

/** ODS rows of petitions, 12345 cases, police incidents and arrears cases with named values and plain defaults. */
public final class OdsFixtures {

    /** A point inside the first grid of 山大路街道 (370112001). */
    public static final double[] SHANDALU_POINT =
            centre(District.licheng().grids().get(0));

    private OdsFixtures() {}

    private static double[] centre(Grid g) {
        Point p = g.boundary().getCentroid();
        return new double[] {p.getY(), p.getX()};
    }

    public static LocalDateTime t(String wallClock) {
        return LocalDateTime.parse(wallClock.replace(' ', 'T'));
    }

    public static Dataset<Row> df(SparkSession spark, Table table, List<Row> rows) {
        return spark.createDataFrame(rows, SparkSchemas.of(table));
    }

    public static Row petition(
            String id, String personKey, String time, String category, String company, int groupSize) {
        return petition(id, personKey, time, category, company, groupSize, "张*", "VISIT", SHANDALU_POINT);
    }

    public static Row petition(
            String id,
            String personKey,
            String time,
            String category,
            String company,
            int groupSize,
            String nameMasked,
            String form,
            double[] at) {
        LocalDateTime when = t(time);
        Map<String, Object> v = new HashMap<>();
        v.put("petition_id", id);
        v.put("petition_date", Date.valueOf(when.toLocalDate()));
        v.put("schema_version", 1);
        v.put("person_key", personKey);
        v.put("person_name_masked", nameMasked);
        v.put("id_card_masked", "370112********001X");
        v.put("phone_masked", null);
        v.put("form", form);
        v.put("category_code", category);
        v.put("content", "信访人反映：测试诉求");
        v.put("company_name", company);
        v.put("group_size", groupSize);
        v.put("latitude", at[0]);
        v.put("longitude", at[1]);
        v.put("petition_time", Timestamp.valueOf(when));
        return TestRows.row(WarehouseSchema.ODS_PETITION, v);
    }

    public static Row call(String id, String callerKey, String time, String category) {
        LocalDateTime when = t(time);
        Map<String, Object> v = new HashMap<>();
        v.put("case_id", id);
        v.put("accept_date", Date.valueOf(when.toLocalDate()));
        v.put("schema_version", 1);
        v.put("channel", "PHONE");
        v.put("category_code", category);
        v.put("content", "市民反映：测试诉求");
        v.put("caller_key", callerKey);
        v.put("caller_name_masked", callerKey == null ? null : "王*");
        v.put("caller_phone_masked", "138****0000");
        v.put("caller_id_card_masked", null);
        v.put("latitude", SHANDALU_POINT[0]);
        v.put("longitude", SHANDALU_POINT[1]);
        v.put("address", null);
        v.put("department", "区城市管理局");
        v.put("accept_time", Timestamp.valueOf(when));
        v.put("deadline", Timestamp.valueOf(when.plusDays(5)));
        v.put("status", "ACCEPTED");
        v.put("reply_time", null);
        v.put("close_time", null);
        v.put("satisfaction", null);
        return TestRows.row(WarehouseSchema.ODS_HOTLINE_CASE, v);
    }

    public static Row incident(String id, String personKey, String time, String type) {
        LocalDateTime when = t(time);
        Map<String, Object> v = new HashMap<>();
        v.put("incident_id", id);
        v.put("report_date", Date.valueOf(when.toLocalDate()));
        v.put("schema_version", 1);
        v.put("incident_type", type);
        v.put("person_key", personKey);
        v.put("person_name_masked", "赵*");
        v.put("id_card_masked", null);
        v.put("phone_masked", null);
        v.put("content", "报警人称：测试警情");
        v.put("latitude", SHANDALU_POINT[0]);
        v.put("longitude", SHANDALU_POINT[1]);
        v.put("report_time", Timestamp.valueOf(when));
        return TestRows.row(WarehouseSchema.ODS_POLICE_INCIDENT, v);
    }

    public static Row arrears(
            String id,
            String complainantKey,
            String time,
            String company,
            int workers,
            String amount,
            String status,
            String resolved) {
        LocalDateTime when = t(time);
        Map<String, Object> v = new HashMap<>();
        v.put("case_id", id);
        v.put("report_date", Date.valueOf(when.toLocalDate()));
        v.put("schema_version", 1);
        v.put("company_name", company);
        v.put("project_name", company + "项目");
        v.put("worker_count", workers);
        v.put("amount_yuan", new BigDecimal(amount));
        v.put("complainant_key", complainantKey);
        v.put("complainant_name_masked", "刘*");
        v.put("id_card_masked", "370112********002X");
        v.put("phone_masked", null);
        v.put("latitude", SHANDALU_POINT[0]);
        v.put("longitude", SHANDALU_POINT[1]);
        v.put("report_time", Timestamp.valueOf(when));
        v.put("status", status);
        v.put("resolved_time", resolved == null ? null : Timestamp.valueOf(t(resolved)));
        return TestRows.row(WarehouseSchema.ODS_ARREARS_CASE, v);
    }
}
