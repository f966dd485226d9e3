package org.gridgov.streaming.odsloader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.ArrearsStatus;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.model.Channel;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.IncidentType;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PetitionForm;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.IdCardNumber;

/**
 * Deterministic raw records of the five sources: record {@code i} of a source is always the same JSON. Valid
 * records carry clear ID-card and mobile numbers (also inside free text) so tests can prove they never reach the
 * warehouse; {@link #invalid} gives one record per kind of rejection.
 */
final class TestRecords {

    /** Named time all records are placed after (district local time). */
    static final LocalDateTime T0 = LocalDateTime.of(2024, 11, 15, 8, 30);

    static final String SALT = "test-salt-0123456789abcdef";

    private static final List<Grid> GRIDS = District.licheng().grids();
    private static final List<String> CATEGORIES =
            CategoryCatalog.standard().all().stream().map(Category::code).toList();
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final String[] NAMES = {"张伟", "王秀英", "李娜", "欧阳明华", "刘洋", "陈静"};

    private TestRecords() {}

    static String idCard(int i) {
        return IdCardNumber.of("370112", LocalDate.of(1960, 1, 1).plusDays(i * 97L), i);
    }

    static String mobile(int i) {
        return "139" + String.format("%08d", 52_000_000 + i);
    }

    private static Grid grid(int i) {
        return GRIDS.get((i * 7) % GRIDS.size());
    }

    private static double lat(int i) {
        return grid(i).anchor().getY();
    }

    private static double lon(int i) {
        return grid(i).anchor().getX();
    }

    private static String category(int i) {
        return CATEGORIES.get(i % CATEGORIES.size());
    }

    static String recordId(SourceType s, int i) {
        return switch (s) {
            case HOTLINE -> String.format("RX%08d", i);
            case PETITION -> String.format("XF%08d", i);
            case ARREARS -> String.format("QQ%08d", i);
            case POLICE -> String.format("JQ%08d", i);
            case GRID -> String.format("WG%08d", i);
        };
    }

    static SourceRecord record(SourceType s, int i) {
        LocalDateTime t = T0.plusMinutes(i * 17L);
        String name = NAMES[i % NAMES.length];
        return switch (s) {
            case HOTLINE -> {
                CaseStatus status = CaseStatus.values()[i % CaseStatus.values().length];
                boolean replied = status == CaseStatus.REPLIED || status == CaseStatus.CLOSED;
                LocalDateTime reply = replied ? t.plusDays(2) : null;
                LocalDateTime close = status == CaseStatus.CLOSED ? t.plusDays(3 + i % 5) : null;
                yield new HotlineCase(
                        1,
                        recordId(s, i),
                        Channel.values()[i % Channel.values().length],
                        category(i),
                        "小区暖气不热已经三天了，我的电话" + mobile(i) + "，请尽快处理。",
                        name,
                        mobile(i),
                        i % 2 == 0 ? idCard(i) : null,
                        lat(i),
                        lon(i),
                        "历城区山大路" + (i + 1) + "号",
                        null,
                        t,
                        t.plusDays(5),
                        status,
                        reply,
                        close,
                        close == null ? null : 1 + i % 5);
            }
            case PETITION ->
                new Petition(
                        1,
                        recordId(s, i),
                        name,
                        idCard(i),
                        mobile(i),
                        PetitionForm.values()[i % PetitionForm.values().length],
                        category(i),
                        "反映拖欠工程款问题，本人身份证号" + idCard(i) + "。",
                        i % 3 == 0 ? "济南某建筑有限公司" : null,
                        1 + i % 7,
                        lat(i),
                        lon(i),
                        t);
            case ARREARS -> {
                ArrearsStatus status = ArrearsStatus.values()[i % ArrearsStatus.values().length];
                yield new ArrearsCase(
                        1,
                        recordId(s, i),
                        "济南某劳务公司" + (i % 4),
                        "住宅项目" + i,
                        3 + i % 20,
                        new BigDecimal("12345.60").add(BigDecimal.valueOf(i * 100L)),
                        name,
                        idCard(i),
                        mobile(i),
                        lat(i),
                        lon(i),
                        t,
                        status,
                        status == ArrearsStatus.RESOLVED ? t.plusDays(10) : null);
            }
            case POLICE ->
                new PoliceIncident(
                        1,
                        recordId(s, i),
                        IncidentType.values()[i % IncidentType.values().length],
                        i % 3 == 0 ? null : name,
                        i % 3 == 1 ? idCard(i) : null,
                        i % 3 == 0 ? null : mobile(i),
                        "邻里纠纷，报警人电话" + mobile(i),
                        lat(i),
                        lon(i),
                        t);
            case GRID -> {
                // the kinds of the version 1 layout these records are written in (REPORT, PATROL, VISIT)
                GridRecordKind kind = GridRecordKind.values()[i % 3];
                Grid g = grid(i);
                yield new GridRecord(
                        1,
                        recordId(s, i),
                        kind,
                        g.code(),
                        "W" + (1000 + i),
                        kind == GridRecordKind.VISIT ? idCard(i) : null,
                        kind == GridRecordKind.REPORT ? category(i) : null,
                        "走访巡查记录" + i,
                        g.anchor().getY(),
                        g.anchor().getX(),
                        t);
            }
        };
    }

    static String valid(SourceType s, int i) {
        return Json.write(record(s, i));
    }

    /** The name of a source's id field in the JSON. */
    /** The field that holds an ID card number in a source's JSON. */
    /** A rejected record: its JSON (or bytes) and a fragment its dead-letter reason must contain. */
    record Invalid(SourceType source, String key, byte[] value, String reasonFragment) {}

    /** Five kinds of rejection for a source, built from record {@code i}. */
    static List<Invalid> invalid(SourceType s, int i) {
        List<Invalid> out = new ArrayList<>();
        String id = recordId(s, i);
        out.add(new Invalid(
                s, id, utf8("{\"" + s.idField() + "\": \"" + id + "\", 电话 " + mobile(i)), "not valid JSON"));
        out.add(new Invalid(s, id, utf8(edit(s, i, n -> n.remove(s.idField()))), "required field is missing"));
        String badId = idCard(i).substring(0, 17) + (idCard(i).charAt(17) == '0' ? '1' : '0');
        out.add(new Invalid(s, id, utf8(edit(s, i, n -> n.put(s.idCardField(), badId))), "checksum mismatch"));
        out.add(new Invalid(
                s, id, utf8(edit(s, i, n -> n.put("latitude", 31.23).put("longitude", 121.47))), "outside"));
        out.add(new Invalid(s, id, utf8(edit(s, i, n -> n.put("schema_version", 99))), "unsupported version"));
        return out;
    }

    /** A valid hotline record encoded as GBK, as a misconfigured exporter would send it. */
    static byte[] gbk(int i) {
        return valid(SourceType.HOTLINE, i).getBytes(Charset.forName("GBK"));
    }

    /**
     * Record {@code i} as JSON with one change. Parsed with a mapper of its own, not {@code Json.mapper()}: the ITs
     * run against the shaded jar, where common's Jackson types are relocated and would not match this code's.
     */
    private static String edit(SourceType s, int i, Consumer<ObjectNode> change) {
        try {
            ObjectNode n = (ObjectNode) PLAIN.readTree(valid(s, i));
            change.accept(n);
            return n.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
