package org.gridgov.common.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.ArrearsStatus;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.model.Channel;
import org.gridgov.common.model.DisputeType;
import org.gridgov.common.model.GridRecord;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.IncidentType;
import org.gridgov.common.model.MediationOutcome;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PetitionForm;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.model.TrackPoint;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.common.validation.RecordDecoder;

/**
 * One valid record of each source at named times in January 2024, placed at the anchor of a real grid of
 * {@link District#licheng()} and filed under known categories, plus their JSON as the gateway receives it.
 *
 * <p>Each {@code xxxBuilder()} starts from the valid sample, so a test changes only what it is about:
 * {@code SampleRecords.hotlineBuilder().status(CaseStatus.ACCEPTED).closeTime(null).build()}.
 * For malformed input, edit the JSON tree: {@code tree(SourceType.HOTLINE).put("latitude", "abc")}.
 *
 * <p>Everything is deterministic: the same records, keys and JSON on every run. {@link #CLOCK} is a fixed clock a
 * little after all sample times, for a {@link RecordDecoder} that must not depend on today's date.
 *
 * <p>The people are synthetic: ID-card numbers are built with {@link IdCardNumber#of} (valid checksums, region
 * 370112) and phones are unassigned-looking test numbers. 李秀英 appears both as petitioner and as the resident a grid
 * worker visits, so cross-source person keys can be checked.
 */
public final class SampleRecords {

    // ---- named times -----------------------------------------------------------------------------------------

    /** "Now" for decoders in tests: 2024-02-01 00:00 district time, after every sample time. */
    public static final LocalDateTime NOW = LocalDateTime.of(2024, 2, 1, 0, 0);

    public static final Clock CLOCK = Clock.fixed(NOW.atZone(RecordDecoder.ZONE).toInstant(), RecordDecoder.ZONE);

    public static final LocalDateTime HOTLINE_ACCEPT = LocalDateTime.of(2024, 1, 15, 9, 30);
    /** Five days after acceptance, the usual 12345 time limit. */
    public static final LocalDateTime HOTLINE_DEADLINE = HOTLINE_ACCEPT.plusDays(5);

    public static final LocalDateTime HOTLINE_REPLY = LocalDateTime.of(2024, 1, 16, 14, 0);
    public static final LocalDateTime HOTLINE_CLOSE = LocalDateTime.of(2024, 1, 17, 10, 0);
    public static final LocalDateTime PETITION_TIME = LocalDateTime.of(2024, 1, 8, 10, 15);
    public static final LocalDateTime ARREARS_REPORT = LocalDateTime.of(2024, 1, 22, 8, 45);
    public static final LocalDateTime POLICE_REPORT = LocalDateTime.of(2024, 1, 12, 21, 40);
    public static final LocalDateTime GRID_RECORD_TIME = LocalDateTime.of(2024, 1, 10, 15, 0);

    // ---- place -------------------------------------------------------------------------------------------------

    /** 洪家楼街道 洪家楼社区 第1网格. */
    public static final String GRID_CODE = "37011200200101";

    public static final Grid GRID = District.licheng().grid(GRID_CODE).orElseThrow();
    public static final double LATITUDE = GRID.anchor().getY();
    public static final double LONGITUDE = GRID.anchor().getX();
    /** A point well outside the district: 天安门, Beijing. */
    public static final double BEIJING_LATITUDE = 39.9;

    public static final double BEIJING_LONGITUDE = 116.4;

    // ---- people (synthetic) --------------------------------------------------------------------------------------

    public static final String CALLER_NAME = "张建国";
    public static final String CALLER_ID_CARD = IdCardNumber.of("370112", LocalDate.of(1968, 5, 20), 317);
    public static final String CALLER_PHONE = "13853112345";

    /** Petitioner and, in the grid sample, the visited resident. Her number ends in X. */
    public static final String PETITIONER_NAME = "李秀英";

    public static final String PETITIONER_ID_CARD = idCardEndingInX("370112", LocalDate.of(1952, 3, 1), 123);
    public static final String PETITIONER_PHONE = "15966667777";

    public static final String COMPLAINANT_NAME = "欧阳志远";
    public static final String COMPLAINANT_ID_CARD = IdCardNumber.of("371522", LocalDate.of(1979, 11, 3), 451);
    public static final String COMPLAINANT_PHONE = "18765432100";

    public static final String POLICE_PERSON_NAME = "刘洋";
    public static final String POLICE_PERSON_ID_CARD = IdCardNumber.of("370102", LocalDate.of(1991, 7, 14), 28);
    public static final String POLICE_PERSON_PHONE = "13012345678";

    /** A salt long enough for {@link PiiProtector}; never a production value. */
    public static final String SALT = "gridgov-test-salt-2024-01";

    private SampleRecords() {}

    // ---- collaborators -----------------------------------------------------------------------------------------

    /** The standard district and catalogue, judging times against {@link #CLOCK}. */
    public static RecordDecoder decoder() {
        return new RecordDecoder(District.licheng(), CategoryCatalog.standard(), CLOCK);
    }

    public static PiiProtector pii() {
        return new PiiProtector(SALT);
    }

    // ---- samples by source ---------------------------------------------------------------------------------------

    public static SourceRecord sample(SourceType source) {
        return switch (source) {
            case HOTLINE -> hotline();
            case PETITION -> petition();
            case ARREARS -> arrears();
            case POLICE -> police();
            case GRID -> gridRecord();
        };
    }

    /** The sample of a source as JSON, exactly as {@link Json#write} renders it. */
    public static String json(SourceType source) {
        return Json.write(sample(source));
    }

    public static String json(SourceRecord record) {
        return Json.write(record);
    }

    /** A fresh, mutable JSON tree of the sample, for tests that feed malformed input to a decoder. */
    public static ObjectNode tree(SourceType source) {
        return tree(sample(source));
    }

    public static ObjectNode tree(SourceRecord record) {
        return Json.mapper().valueToTree(record);
    }

    /** The clear ID-card numbers and phones used in the samples; none may appear in ODS rows or dead letters. */
    public static List<String> clearPii() {
        return List.of(
                CALLER_ID_CARD,
                CALLER_PHONE,
                PETITIONER_ID_CARD,
                PETITIONER_PHONE,
                COMPLAINANT_ID_CARD,
                COMPLAINANT_PHONE,
                POLICE_PERSON_ID_CARD,
                POLICE_PERSON_PHONE);
    }

    public static HotlineCase hotline() {
        return hotlineBuilder().build();
    }

    public static String hotlineJson() {
        return Json.write(hotline());
    }

    public static Petition petition() {
        return petitionBuilder().build();
    }

    public static String petitionJson() {
        return Json.write(petition());
    }

    public static ArrearsCase arrears() {
        return arrearsBuilder().build();
    }

    public static String arrearsJson() {
        return Json.write(arrears());
    }

    public static PoliceIncident police() {
        return policeBuilder().build();
    }

    public static String policeJson() {
        return Json.write(police());
    }

    public static GridRecord gridRecord() {
        return gridBuilder().build();
    }

    public static String gridRecordJson() {
        return Json.write(gridRecord());
    }

    /**
     * Schema version 2 work records of worker {@code W} + the sample grid, on 2024-01-10: the day's attendance
     * (08:02 check-in, 17:36 check-out in the grid), a 30-minute patrol walking 1.2 km north through the grid's
     * anchor, and a neighbours' dispute mediated with success.
     */
    public static GridRecord attendance() {
        return workBuilder(GridRecordKind.ATTENDANCE)
                .recordTime(GRID_RECORD_TIME.withHour(8).withMinute(2))
                .content("上班签到")
                .checkOut(GRID_RECORD_TIME.withHour(17).withMinute(36), LATITUDE, LONGITUDE)
                .build();
    }

    public static GridRecord patrol() {
        List<TrackPoint> track = new ArrayList<>();
        double start = LATITUDE - 0.0054;
        for (int i = 0; i <= 30; i++) {
            // 40 m a minute north: 1.2 km in 30 minutes, 2.4 km/h
            track.add(new TrackPoint(60 * i, Math.round((start + i * 0.00036) * 1e6) / 1e6, LONGITUDE));
        }
        return workBuilder(GridRecordKind.PATROL)
                .content("网格员日常巡查")
                .at(track.get(0).latitude(), LONGITUDE)
                .track(track)
                .build();
    }

    public static GridRecord mediation() {
        return workBuilder(GridRecordKind.MEDIATION)
                .content("调解楼上楼下漏水纠纷，双方达成赔偿协议。")
                .mediation(DisputeType.NEIGHBOURHOOD, MediationOutcome.RESOLVED)
                .build();
    }

    private static GridBuilder workBuilder(GridRecordKind kind) {
        return gridBuilder()
                .schemaVersion(GridRecord.SCHEMA_VERSION)
                .kind(kind)
                .recordId("WG20240110-" + kind.ordinal())
                .workerId("W" + GRID_CODE.substring(6))
                .personIdCard(null)
                .categoryCode(null);
    }

    /** A valid ID-card number ending in X: the first birth date from {@code from} on whose check character is X. */
    public static String idCardEndingInX(String region6, LocalDate from, int sequence) {
        for (LocalDate d = from; d.isBefore(from.plusYears(1)); d = d.plusDays(1)) {
            String id = IdCardNumber.of(region6, d, sequence);
            if (id.endsWith("X")) {
                return id;
            }
        }
        throw new IllegalStateException("no X check character within a year of " + from);
    }

    // ---- builders ----------------------------------------------------------------------------------------------

    public static HotlineBuilder hotlineBuilder() {
        return new HotlineBuilder();
    }

    public static PetitionBuilder petitionBuilder() {
        return new PetitionBuilder();
    }

    public static ArrearsBuilder arrearsBuilder() {
        return new ArrearsBuilder();
    }

    public static PoliceBuilder policeBuilder() {
        return new PoliceBuilder();
    }

    public static GridBuilder gridBuilder() {
        return new GridBuilder();
    }

    /** A closed 供暖 case that came in by phone; the caller typed her number into the complaint. */
    public static final class HotlineBuilder {
        private int schemaVersion = SourceRecord.CURRENT_SCHEMA_VERSION;
        private String caseId = "RX202401150001";
        private Channel channel = Channel.PHONE;
        private String categoryCode = "C0101";
        private String content =
                "市民反映：洪家楼社区3号楼自供暖开始以来暖气一直不热，室内温度只有十四五度，家中有老人孩子，" + "请相关部门尽快处理。联系电话" + CALLER_PHONE + "。";
        private String callerName = CALLER_NAME;
        private String callerPhone = CALLER_PHONE;
        private String callerIdCard = CALLER_ID_CARD;
        private double latitude = LATITUDE;
        private double longitude = LONGITUDE;
        private String address = "历城区洪家楼街道洪家楼社区3号楼2单元";
        private String department = "区城市管理局";
        private LocalDateTime acceptTime = HOTLINE_ACCEPT;
        private LocalDateTime deadline = HOTLINE_DEADLINE;
        private CaseStatus status = CaseStatus.CLOSED;
        private LocalDateTime replyTime = HOTLINE_REPLY;
        private LocalDateTime closeTime = HOTLINE_CLOSE;
        private Integer satisfaction = 5;

        private HotlineBuilder() {}

        public HotlineBuilder schemaVersion(int v) {
            this.schemaVersion = v;
            return this;
        }

        public HotlineBuilder caseId(String v) {
            this.caseId = v;
            return this;
        }

        public HotlineBuilder channel(Channel v) {
            this.channel = v;
            return this;
        }

        public HotlineBuilder categoryCode(String v) {
            this.categoryCode = v;
            return this;
        }

        public HotlineBuilder content(String v) {
            this.content = v;
            return this;
        }

        public HotlineBuilder callerName(String v) {
            this.callerName = v;
            return this;
        }

        public HotlineBuilder callerPhone(String v) {
            this.callerPhone = v;
            return this;
        }

        public HotlineBuilder callerIdCard(String v) {
            this.callerIdCard = v;
            return this;
        }

        public HotlineBuilder at(double lat, double lon) {
            this.latitude = lat;
            this.longitude = lon;
            return this;
        }

        public HotlineBuilder address(String v) {
            this.address = v;
            return this;
        }

        public HotlineBuilder department(String v) {
            this.department = v;
            return this;
        }

        public HotlineBuilder acceptTime(LocalDateTime v) {
            this.acceptTime = v;
            return this;
        }

        public HotlineBuilder deadline(LocalDateTime v) {
            this.deadline = v;
            return this;
        }

        public HotlineBuilder status(CaseStatus v) {
            this.status = v;
            return this;
        }

        public HotlineBuilder replyTime(LocalDateTime v) {
            this.replyTime = v;
            return this;
        }

        public HotlineBuilder closeTime(LocalDateTime v) {
            this.closeTime = v;
            return this;
        }

        public HotlineBuilder satisfaction(Integer v) {
            this.satisfaction = v;
            return this;
        }

        /** Accepted but not yet replied to or closed. */
        public HotlineBuilder open() {
            return status(CaseStatus.ACCEPTED).replyTime(null).closeTime(null).satisfaction(null);
        }

        public HotlineCase build() {
            return new HotlineCase(
                    schemaVersion,
                    caseId,
                    channel,
                    categoryCode,
                    content,
                    callerName,
                    callerPhone,
                    callerIdCard,
                    latitude,
                    longitude,
                    address,
                    department,
                    acceptTime,
                    deadline,
                    status,
                    replyTime,
                    closeTime,
                    satisfaction);
        }
    }

    /** 李秀英 visits in person about unpaid wages on a construction site. */
    public static final class PetitionBuilder {
        private int schemaVersion = SourceRecord.CURRENT_SCHEMA_VERSION;
        private String petitionId = "XF202401080017";
        private String personName = PETITIONER_NAME;
        private String personIdCard = PETITIONER_ID_CARD;
        private String personPhone = PETITIONER_PHONE;
        private PetitionForm form = PetitionForm.VISIT;
        private String categoryCode = "C0401";
        private String content = "来访人反映济南鑫禾盛建筑工程有限公司拖欠其丈夫及工友工资共计38000元，多次讨要未果，请求协调解决。";
        private String companyName = "济南鑫禾盛建筑工程有限公司";
        private int groupSize = 1;
        private double latitude = LATITUDE;
        private double longitude = LONGITUDE;
        private LocalDateTime petitionTime = PETITION_TIME;

        private PetitionBuilder() {}

        public PetitionBuilder petitionId(String v) {
            this.petitionId = v;
            return this;
        }

        public PetitionBuilder personName(String v) {
            this.personName = v;
            return this;
        }

        public PetitionBuilder personIdCard(String v) {
            this.personIdCard = v;
            return this;
        }

        public PetitionBuilder personPhone(String v) {
            this.personPhone = v;
            return this;
        }

        public PetitionBuilder form(PetitionForm v) {
            this.form = v;
            return this;
        }

        public PetitionBuilder categoryCode(String v) {
            this.categoryCode = v;
            return this;
        }

        public PetitionBuilder content(String v) {
            this.content = v;
            return this;
        }

        public PetitionBuilder companyName(String v) {
            this.companyName = v;
            return this;
        }

        public PetitionBuilder groupSize(int v) {
            this.groupSize = v;
            return this;
        }

        public PetitionBuilder at(double lat, double lon) {
            this.latitude = lat;
            this.longitude = lon;
            return this;
        }

        public PetitionBuilder petitionTime(LocalDateTime v) {
            this.petitionTime = v;
            return this;
        }

        public Petition build() {
            return new Petition(
                    schemaVersion,
                    petitionId,
                    personName,
                    personIdCard,
                    personPhone,
                    form,
                    categoryCode,
                    content,
                    companyName,
                    groupSize,
                    latitude,
                    longitude,
                    petitionTime);
        }
    }

    /** 23 workers owed 386000 yuan on a resettlement housing project; being mediated. */
    public static final class ArrearsBuilder {
        private int schemaVersion = SourceRecord.CURRENT_SCHEMA_VERSION;
        private String caseId = "QX202401220003";
        private String companyName = "山东恒誉达建设工程有限公司";
        private String projectName = "唐冶片区安置房二期项目";
        private int workerCount = 23;
        // Whole yuan on purpose: see RecordDecoderTest on amounts with cents.
        private BigDecimal amountYuan = new BigDecimal("386000");
        private String complainantName = COMPLAINANT_NAME;
        private String complainantIdCard = COMPLAINANT_ID_CARD;
        private String complainantPhone = COMPLAINANT_PHONE;
        private double latitude = LATITUDE;
        private double longitude = LONGITUDE;
        private LocalDateTime reportTime = ARREARS_REPORT;
        private ArrearsStatus status = ArrearsStatus.IN_PROGRESS;
        private LocalDateTime resolvedTime = null;

        private ArrearsBuilder() {}

        public ArrearsBuilder caseId(String v) {
            this.caseId = v;
            return this;
        }

        public ArrearsBuilder companyName(String v) {
            this.companyName = v;
            return this;
        }

        public ArrearsBuilder projectName(String v) {
            this.projectName = v;
            return this;
        }

        public ArrearsBuilder workerCount(int v) {
            this.workerCount = v;
            return this;
        }

        public ArrearsBuilder amountYuan(BigDecimal v) {
            this.amountYuan = v;
            return this;
        }

        public ArrearsBuilder complainantName(String v) {
            this.complainantName = v;
            return this;
        }

        public ArrearsBuilder complainantIdCard(String v) {
            this.complainantIdCard = v;
            return this;
        }

        public ArrearsBuilder complainantPhone(String v) {
            this.complainantPhone = v;
            return this;
        }

        public ArrearsBuilder at(double lat, double lon) {
            this.latitude = lat;
            this.longitude = lon;
            return this;
        }

        public ArrearsBuilder reportTime(LocalDateTime v) {
            this.reportTime = v;
            return this;
        }

        public ArrearsBuilder status(ArrearsStatus v) {
            this.status = v;
            return this;
        }

        public ArrearsBuilder resolvedTime(LocalDateTime v) {
            this.resolvedTime = v;
            return this;
        }

        public ArrearsCase build() {
            return new ArrearsCase(
                    schemaVersion,
                    caseId,
                    companyName,
                    projectName,
                    workerCount,
                    amountYuan,
                    complainantName,
                    complainantIdCard,
                    complainantPhone,
                    latitude,
                    longitude,
                    reportTime,
                    status,
                    resolvedTime);
        }
    }

    /** A neighbour dispute; the officer noted the person's ID-card number in the free text. */
    public static final class PoliceBuilder {
        private int schemaVersion = SourceRecord.CURRENT_SCHEMA_VERSION;
        private String incidentId = "JQ20240112-0215";
        private IncidentType incidentType = IncidentType.DISPUTE;
        private String personName = POLICE_PERSON_NAME;
        private String personIdCard = POLICE_PERSON_ID_CARD;
        private String personPhone = POLICE_PERSON_PHONE;
        private String content = "报警人称邻居在楼道堆放杂物引发纠纷，双方情绪激动，民警到场调解。当事人身份证号" + POLICE_PERSON_ID_CARD + "。";
        private double latitude = LATITUDE;
        private double longitude = LONGITUDE;
        private LocalDateTime reportTime = POLICE_REPORT;

        private PoliceBuilder() {}

        public PoliceBuilder incidentId(String v) {
            this.incidentId = v;
            return this;
        }

        public PoliceBuilder incidentType(IncidentType v) {
            this.incidentType = v;
            return this;
        }

        public PoliceBuilder personName(String v) {
            this.personName = v;
            return this;
        }

        public PoliceBuilder personIdCard(String v) {
            this.personIdCard = v;
            return this;
        }

        public PoliceBuilder personPhone(String v) {
            this.personPhone = v;
            return this;
        }

        public PoliceBuilder content(String v) {
            this.content = v;
            return this;
        }

        public PoliceBuilder at(double lat, double lon) {
            this.latitude = lat;
            this.longitude = lon;
            return this;
        }

        public PoliceBuilder reportTime(LocalDateTime v) {
            this.reportTime = v;
            return this;
        }

        public PoliceIncident build() {
            return new PoliceIncident(
                    schemaVersion,
                    incidentId,
                    incidentType,
                    personName,
                    personIdCard,
                    personPhone,
                    content,
                    latitude,
                    longitude,
                    reportTime);
        }
    }

    /** A grid worker's household visit (走访) to 李秀英, filed under 养老服务. */
    public static final class GridBuilder {
        private int schemaVersion = SourceRecord.CURRENT_SCHEMA_VERSION;
        private String recordId = "WG202401100042";
        private GridRecordKind kind = GridRecordKind.VISIT;
        private String gridCode = GRID_CODE;
        private String workerId = "WGY-0020101";
        private String personIdCard = PETITIONER_ID_CARD;
        private String categoryCode = "C1102";
        private String content = "走访独居老人，了解养老服务需求，老人反映冬季取暖困难，已登记并转社区跟进。";
        private double latitude = LATITUDE;
        private double longitude = LONGITUDE;
        private LocalDateTime recordTime = GRID_RECORD_TIME;
        private List<TrackPoint> track;
        private LocalDateTime checkOutTime;
        private Double checkOutLatitude;
        private Double checkOutLongitude;
        private DisputeType disputeType;
        private MediationOutcome outcome;

        private GridBuilder() {}

        public GridBuilder recordId(String v) {
            this.recordId = v;
            return this;
        }

        public GridBuilder kind(GridRecordKind v) {
            this.kind = v;
            return this;
        }

        public GridBuilder gridCode(String v) {
            this.gridCode = v;
            return this;
        }

        public GridBuilder workerId(String v) {
            this.workerId = v;
            return this;
        }

        public GridBuilder personIdCard(String v) {
            this.personIdCard = v;
            return this;
        }

        public GridBuilder categoryCode(String v) {
            this.categoryCode = v;
            return this;
        }

        public GridBuilder content(String v) {
            this.content = v;
            return this;
        }

        public GridBuilder at(double lat, double lon) {
            this.latitude = lat;
            this.longitude = lon;
            return this;
        }

        public GridBuilder recordTime(LocalDateTime v) {
            this.recordTime = v;
            return this;
        }

        public GridBuilder schemaVersion(int v) {
            this.schemaVersion = v;
            return this;
        }

        /** A patrol's track (schema version 2). */
        public GridBuilder track(List<TrackPoint> v) {
            this.track = v;
            return this;
        }

        /** An attendance's check-out (schema version 2); null for a day without one. */
        public GridBuilder checkOut(LocalDateTime time, Double lat, Double lon) {
            this.checkOutTime = time;
            this.checkOutLatitude = lat;
            this.checkOutLongitude = lon;
            return this;
        }

        /** A mediation's dispute type and outcome (schema version 2). */
        public GridBuilder mediation(DisputeType type, MediationOutcome v) {
            this.disputeType = type;
            this.outcome = v;
            return this;
        }

        public GridRecord build() {
            return new GridRecord(
                    schemaVersion,
                    recordId,
                    kind,
                    gridCode,
                    workerId,
                    personIdCard,
                    categoryCode,
                    content,
                    latitude,
                    longitude,
                    recordTime,
                    track,
                    checkOutTime,
                    checkOutLatitude,
                    checkOutLongitude,
                    disputeType,
                    outcome);
        }
    }
}
