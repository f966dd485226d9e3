package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.date;
import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.doubleType;
import static org.gridgov.warehouse.ColumnType.integer;
import static org.gridgov.warehouse.ColumnType.tinyint;
import static org.gridgov.warehouse.ColumnType.varchar;

import java.util.List;

/**
 * Grid workers' work records (issue 16 part 2): 考勤, 巡查, 入户走访, 矛盾调处 and 上报, one DWD table each, with the
 * names and columns of the shared contract. Part 4's assessment job reads them.
 *
 * <p>Provisional: written by the assessment part (i16j) so that its job, tests and the demo have the tables before
 * the grid-records part (i16g), which owns them and their loader, lands. When both are merged, part 2's definition
 * wins; the columns here are exactly the contract's, so the assessment job reads either.
 */
public final class GridWorkTables {

    private static final ColumnType CODE = varchar(32);
    private static final ColumnType ID = varchar(64);

    public static final Table DWD_GRID_ATTENDANCE = Table.builder("dwd_grid_attendance", Layer.DWD)
            .comment("考勤 grid workers' daily check-in and check-out with position")
            .key("worker_id", CODE, "网格员编号")
            .key("work_date", date(), "工作日期 (partition)")
            .required("grid_code", CODE, "网格编码")
            .required("street_code", CODE, "街道编码")
            .required("community_code", CODE, "社区编码")
            .required("check_in_time", datetime(), "签到时间")
            .column("check_out_time", datetime(), "签退时间 (NULL: 未签退)")
            .required("check_in_lat", doubleType(), "签到纬度")
            .required("check_in_lon", doubleType(), "签到经度")
            .required("is_missing_checkout", tinyint(), "未签退")
            .required("is_off_grid_checkin", tinyint(), "签到位置不在本网格")
            .distributedBy(8, "worker_id")
            .partitionedBy("work_date", PartitionUnit.MONTH)
            .build();

    public static final Table DWD_GRID_PATROL = Table.builder("dwd_grid_patrol", Layer.DWD)
            .comment("巡查 one row per patrol: its track's distance, duration, grid coverage and speed checks")
            .key("patrol_id", ID, "巡查编号")
            .key("patrol_date", date(), "巡查日期 (partition)")
            .required("worker_id", CODE, "网格员编号")
            .required("grid_code", CODE, "网格编码")
            .required("street_code", CODE, "街道编码")
            .required("community_code", CODE, "社区编码")
            .required("start_time", datetime(), "开始时间")
            .required("end_time", datetime(), "结束时间")
            .required("duration_min", integer(), "时长 (分钟)")
            .required("distance_m", integer(), "里程 (米)")
            .required("point_count", integer(), "轨迹点数")
            .required("coverage_ratio", doubleType(), "网格覆盖率 buffer(track, 30 m) ∩ grid / grid, 0..1")
            .required("max_speed_kmh", doubleType(), "最大分段速度 km/h")
            .required("jump_count", integer(), "超过 120 km/h 的分段数")
            .required("is_fake_jump", tinyint(), "轨迹跳跃 (jump_count > 0)")
            .distributedBy(8, "patrol_id")
            .partitionedBy("patrol_date", PartitionUnit.MONTH)
            .build();

    public static final Table DWD_GRID_VISIT = Table.builder("dwd_grid_visit", Layer.DWD)
            .comment("入户走访 one row per visit; the person only as a salted key")
            .key("visit_id", ID, "走访编号")
            .key("visit_date", date(), "走访日期 (partition)")
            .required("worker_id", CODE, "网格员编号")
            .required("grid_code", CODE, "网格编码")
            .required("street_code", CODE, "街道编码")
            .required("community_code", CODE, "社区编码")
            .column("person_key", ID, "走访对象 salted hash")
            .required("visit_time", datetime(), "走访时间")
            .distributedBy(8, "visit_id")
            .partitionedBy("visit_date", PartitionUnit.MONTH)
            .build();

    public static final Table DWD_GRID_MEDIATION = Table.builder("dwd_grid_mediation", Layer.DWD)
            .comment("矛盾调处 one row per mediation with its outcome")
            .key("mediation_id", ID, "调处编号")
            .key("mediation_date", date(), "调处日期 (partition)")
            .required("worker_id", CODE, "网格员编号")
            .required("grid_code", CODE, "网格编码")
            .required("street_code", CODE, "街道编码")
            .required("community_code", CODE, "社区编码")
            .column("dispute_type", CODE, "纠纷类型")
            .required("outcome", CODE, "RESOLVED/PARTLY/FAILED")
            .required("mediation_time", datetime(), "调处时间")
            .distributedBy(8, "mediation_id")
            .partitionedBy("mediation_date", PartitionUnit.MONTH)
            .build();

    public static final Table DWD_GRID_REPORT = Table.builder("dwd_grid_report", Layer.DWD)
            .comment("网格员上报 one row per reported record, hidden dangers marked")
            .key("record_id", ID, "记录编号")
            .key("record_date", date(), "上报日期 (partition)")
            .required("worker_id", CODE, "网格员编号")
            .required("grid_code", CODE, "网格编码")
            .required("street_code", CODE, "街道编码")
            .required("community_code", CODE, "社区编码")
            .column("category_code", CODE, "二级分类编码")
            .required("is_hidden_danger", tinyint(), "安全隐患类")
            .required("record_time", datetime(), "上报时间")
            .distributedBy(8, "record_id")
            .partitionedBy("record_date", PartitionUnit.MONTH)
            .build();

    public static final List<Table> ALL = List.of(DWD_GRID_ATTENDANCE, DWD_GRID_PATROL, DWD_GRID_VISIT,
            DWD_GRID_MEDIATION, DWD_GRID_REPORT);

    private GridWorkTables() {
    }
}
