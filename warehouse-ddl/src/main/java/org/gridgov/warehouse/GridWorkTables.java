package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.date;
import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.doubleType;
import static org.gridgov.warehouse.ColumnType.integer;
import static org.gridgov.warehouse.ColumnType.tinyint;
import static org.gridgov.warehouse.ColumnType.varchar;

import java.util.List;

/**
 * Grid workers' work records conformed for 监督考核 (issue 16 part 2): one DWD table per kind of {@code ods_grid_record}
 * (schema version 2), written by the ODS loader beside the ODS row. Every row names the worker, the worker's grid and
 * its community and street, so the monthly assessment groups without joins. Listed in {@link WarehouseSchema#ALL}.
 * The visited person appears only as the salted person key.
 */
public final class GridWorkTables {

    private static final ColumnType CODE = varchar(32);
    private static final ColumnType ID = varchar(64);
    private static final ColumnType HASH = varchar(64);

    /** 考勤: one row per worker and working day (a corrected record of the day replaces it). */
    public static final Table DWD_GRID_ATTENDANCE = Table.builder("dwd_grid_attendance", Layer.DWD)
            .comment("考勤 one row per grid worker and day: check-in and check-out, missing check-out, off-grid check-in")
            .key("worker_id", CODE, "网格员编号")
            .key("work_date", date(), "考勤日期 = check-in date (partition)")
            .required("grid_code", CODE, "网格编码")
            .required("street_code", CODE, "街道编码")
            .required("community_code", CODE, "社区编码")
            .required("check_in_time", datetime(), "签到时间")
            .column("check_out_time", datetime(), "签退时间 (NULL: no check-out)")
            .required("check_in_lat", doubleType(), "签到纬度")
            .required("check_in_lon", doubleType(), "签到经度")
            .required("is_missing_checkout", tinyint(), "未签退 (check_out_time NULL)")
            .required("is_off_grid_checkin", tinyint(), "签到位置不在本人网格内 (JTS point-in-polygon)")
            .distributedBy(8, "worker_id")
            .partitionedBy("work_date", PartitionUnit.MONTH)
            .build();

    /**
     * 巡查: one row per patrol with a GPS track, with the metrics of {@code common}'s {@code PatrolMetrics} (a patrol
     * of schema version 1, which has no track, stays in {@code ods_grid_record} only).
     */
    public static final Table DWD_GRID_PATROL = Table.builder("dwd_grid_patrol", Layer.DWD)
            .comment("巡查轨迹 one row per tracked patrol: duration, distance, grid coverage, top speed, jumps")
            .key("patrol_id", ID, "巡查记录编号 (record_id)")
            .key("patrol_date", date(), "巡查日期 = start date (partition)")
            .required("worker_id", CODE, "网格员编号")
            .required("grid_code", CODE, "网格编码")
            .required("street_code", CODE, "街道编码")
            .required("community_code", CODE, "社区编码")
            .required("start_time", datetime(), "开始时间 (first fix)")
            .required("end_time", datetime(), "结束时间 (last fix)")
            .required("duration_min", integer(), "时长 minutes")
            .required("distance_m", integer(), "里程 metres (haversine between fixes)")
            .required("point_count", integer(), "轨迹点数")
            .required("coverage_ratio", doubleType(), "网格覆盖率 area(buffer(track, 30 m) ∩ grid) / area(grid), 0..1")
            .required("max_speed_kmh", doubleType(), "最高速度 km/h between two fixes")
            .required("jump_count", integer(), "跳点数 segments faster than 120 km/h")
            .required("is_fake_jump", tinyint(), "虚假巡查跳点 (jump_count > 0)")
            .distributedBy(8, "patrol_id")
            .partitionedBy("patrol_date", PartitionUnit.MONTH)
            .build();

    /** 入户走访: one row per visit. */
    public static final Table DWD_GRID_VISIT = Table.builder("dwd_grid_visit", Layer.DWD)
            .comment("入户走访 one row per household visit; the resident as salted person key")
            .key("visit_id", ID, "走访记录编号 (record_id)")
            .key("visit_date", date(), "走访日期 (partition)")
            .required("worker_id", CODE, "网格员编号")
            .required("grid_code", CODE, "网格编码")
            .required("street_code", CODE, "街道编码")
            .required("community_code", CODE, "社区编码")
            .column("person_key", HASH, "走访对象 salted hash")
            .required("visit_time", datetime(), "走访时间")
            .distributedBy(8, "visit_id")
            .partitionedBy("visit_date", PartitionUnit.MONTH)
            .build();

    /** 矛盾调处: one row per mediation. */
    public static final Table DWD_GRID_MEDIATION = Table.builder("dwd_grid_mediation", Layer.DWD)
            .comment("矛盾调处 one row per dispute mediated by a grid worker, with its outcome")
            .key("mediation_id", ID, "调处记录编号 (record_id)")
            .key("mediation_date", date(), "调处日期 (partition)")
            .required("worker_id", CODE, "网格员编号")
            .required("grid_code", CODE, "网格编码")
            .required("street_code", CODE, "街道编码")
            .required("community_code", CODE, "社区编码")
            .required("dispute_type", CODE, "纠纷类型 NEIGHBOURHOOD/FAMILY/PROPERTY_SERVICE/LABOUR/LAND/CONSUMER/OTHER")
            .required("outcome", CODE, "调处结果 RESOLVED/PARTLY/FAILED")
            .required("mediation_time", datetime(), "调处时间")
            .distributedBy(4, "mediation_id")
            .partitionedBy("mediation_date", PartitionUnit.MONTH)
            .build();

    /** 事件上报: one row per report a grid worker filed. */
    public static final Table DWD_GRID_REPORT = Table.builder("dwd_grid_report", Layer.DWD)
            .comment("网格员事件上报 one row per report, with whether its category is a 安全隐患")
            .key("record_id", ID, "上报记录编号")
            .key("record_date", date(), "上报日期 (partition)")
            .required("worker_id", CODE, "网格员编号")
            .required("grid_code", CODE, "网格编码")
            .required("street_code", CODE, "街道编码")
            .required("community_code", CODE, "社区编码")
            .required("category_code", CODE, "二级分类编码")
            .required("is_hidden_danger", tinyint(), "安全隐患 (category in CategoryCatalog.isHiddenDanger)")
            .required("record_time", datetime(), "上报时间")
            .distributedBy(8, "record_id")
            .partitionedBy("record_date", PartitionUnit.MONTH)
            .build();

    public static final List<Table> ALL =
            List.of(DWD_GRID_ATTENDANCE, DWD_GRID_PATROL, DWD_GRID_VISIT, DWD_GRID_MEDIATION, DWD_GRID_REPORT);

    private GridWorkTables() {}
}
