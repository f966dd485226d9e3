package org.gridgov.warehouse;

import static org.gridgov.warehouse.ColumnType.date;
import static org.gridgov.warehouse.ColumnType.datetime;
import static org.gridgov.warehouse.ColumnType.doubleType;
import static org.gridgov.warehouse.ColumnType.integer;
import static org.gridgov.warehouse.ColumnType.varchar;

import java.util.List;

/**
 * 考核规则 and 手工打分 as the case service mirrors them into the warehouse (issue 16 part 3), with the names and
 * columns of the shared contract; the assessment job (part 4) scores a month with them.
 *
 * <p>Provisional: written by the assessment part (i16j) so that its job, tests and the demo have the tables before
 * the rules part (i16r), which owns them and writes them, lands. When both are merged, part 3's definition wins; the
 * columns here are exactly the contract's.
 */
public final class AssessmentRuleTables {

    private static final ColumnType CODE = varchar(32);

    public static final Table DIM_ASSESSMENT_RULE = Table.builder("dim_assessment_rule", Layer.DIM)
            .comment("考核规则 versioned assessment items per level: weight, target and scoring method")
            .key("rule_version", integer(), "规则版本")
            .key("level", CODE, "GRID_WORKER/COMMUNITY/STREET/DEPARTMENT")
            .key("item_code", CODE, "考核项编码")
            .required("valid_from", date(), "生效日期")
            .column("valid_to", date(), "失效日期 (NULL: 仍有效)")
            .required("item_name", varchar(64), "考核项名称")
            .required("weight", doubleType(), "分值 (a level's weights sum to 100)")
            .required("target", doubleType(), "目标值")
            .required("method", CODE, "RATIO_TO_TARGET/INVERSE_COUNT/THRESHOLD")
            .column("direction", varchar(200), "说明")
            .build();

    public static final Table DWD_MANUAL_SCORE = Table.builder("dwd_manual_score", Layer.DWD)
            .comment("手工打分 leaders' manual points per month and subject, with a reason")
            .key("score_id", varchar(64), "打分编号")
            .required("month", varchar(7), "考核月份 yyyy-MM")
            .required("level", CODE, "GRID_WORKER/COMMUNITY/STREET/DEPARTMENT")
            .required("subject_code", CODE, "网格员编号/社区/街道/部门编码")
            .required("points", doubleType(), "加减分 −20..+20")
            .required("reason", varchar(500), "理由")
            .required("scored_by", varchar(64), "打分人")
            .required("scored_at", datetime(), "打分时间")
            .distributedBy(1, "score_id")
            .build();

    public static final List<Table> ALL = List.of(DIM_ASSESSMENT_RULE, DWD_MANUAL_SCORE);

    private AssessmentRuleTables() {
    }
}
