package org.gridgov.simulator.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.SourceType;

/**
 * What a generation run planted, for tests and the demo to reconcile against. Every scenario list is exact: the
 * background records were generated so that they never satisfy a scenario's definition, so recomputing a scenario
 * from the emitted valid records gives exactly these ids. Ids are listed in emission (time) order.
 *
 * @param emittedCounts        records emitted per source (the exact split of {@code spec.totalRecords})
 * @param validCounts          of those, the ones {@code RecordDecoder} accepts
 * @param invalidRecords       per source, the deliberately broken records
 * @param repeatPetitioners    residents petitioning 3–6 times within 30 days about one issue
 * @param groupPetitions       5–8 people petitioning about one company's unpaid wages within 6 hours (集访)
 * @param repeatCallers        residents calling 12345 3–5 times within 30 days on one category (with ID card and phone)
 * @param crossSourcePersons   repeat petitioners who also appear in police incidents
 * @param overdueCases         hotline cases overdue by {@code OdsMapper.isOverdue}, and no others
 * @param bigArrears           重点 wage-arrears cases and the thresholds that define them
 * @param risingTopics         per month, the topic planted in ~3 % of its hotline cases (~0.2 % the month before)
 * @param seasonalTopics       per month, the category names expected among the most frequent hotline categories
 * @param gridWorkAnomalies    per month, the grid workers planted with a {@link GridWorkAnomalyKind} (empty unless
 *                             {@code spec.gridWork}), ordered by month, kind and worker
 */
public record GroundTruth(
        GeneratorSpec spec,
        Map<SourceType, Long> emittedCounts,
        Map<SourceType, Long> validCounts,
        Map<SourceType, InvalidRecords> invalidRecords,
        List<RepeatPetitioner> repeatPetitioners,
        List<GroupPetition> groupPetitions,
        List<RepeatCaller> repeatCallers,
        List<CrossSourcePerson> crossSourcePersons,
        OverdueCases overdueCases,
        BigArrears bigArrears,
        List<RisingTopic> risingTopics,
        List<SeasonalTopic> seasonalTopics,
        List<GridWorkAnomaly> gridWorkAnomalies) {

    /** @param recordIds ids of the broken records that still have one (a record whose id was removed has none) */
    public record InvalidRecords(long count, Map<Defect, Long> byDefect, List<String> recordIds) {}

    /** @param idCard the person (consumers derive their own person key from it) */
    public record RepeatPetitioner(String idCard, String name, String categoryCode, List<String> petitionIds) {}

    /** @param windowStart time of the first petition; {@code windowEnd} of the last, at most 6 hours later */
    public record GroupPetition(
            String companyName,
            String categoryCode,
            LocalDateTime windowStart,
            LocalDateTime windowEnd,
            List<String> petitionIds,
            List<String> personIdCards) {}

    public record RepeatCaller(String idCard, String phone, String categoryCode, List<String> caseIds) {}

    public record CrossSourcePerson(String idCard, List<String> petitionIds, List<String> incidentIds) {}

    /** @param rule the definition in words; {@code caseIds} is every hotline case that meets it */
    public record OverdueCases(String rule, List<String> caseIds) {}

    /**
     * A case is big when {@code worker_count >= minWorkerCount}, or {@code amount_yuan >= minAmountYuan}, or it is
     * not RESOLVED and was reported before {@code staleCutoff} ({@code staleOpenDays} before the period end).
     */
    public record BigArrears(
            int minWorkerCount,
            long minAmountYuan,
            int staleOpenDays,
            LocalDateTime staleCutoff,
            List<String> caseIds) {}

    /** @param previousMonthCaseIds the topic's few cases in the month before (empty for a one-month spec) */
    public record RisingTopic(
            YearMonth month,
            String topicWord,
            String categoryCode,
            List<String> caseIds,
            List<String> previousMonthCaseIds) {}

    /** @param season WINTER, SPRING, SUMMER or AUTUMN */
    public record SeasonalTopic(YearMonth month, String season, List<String> categoryNames) {}

    /**
     * A grid worker planted with an anomaly in a month.
     *
     * @param recordIds the evidence: STAYS_IN_ONE_PLACE every patrol of the month, FAKE_PATROL_JUMP the patrol with
     *                  the jump, MISSING_CHECKOUT the attendance records without check-out
     */
    public record GridWorkAnomaly(
            YearMonth month, String workerId, String gridCode, GridWorkAnomalyKind kind, List<String> recordIds) {}

    static final String OVERDUE_RULE = "close_time > deadline; or, when close_time is absent, "
            + "(reply_time, else accept_time) > deadline — OdsMapper.isOverdue";

    private static final ObjectMapper MAPPER = mapper();

    public long emitted(SourceType source) {
        return emittedCounts.getOrDefault(source, 0L);
    }

    public long valid(SourceType source) {
        return validCounts.getOrDefault(source, 0L);
    }

    /** Writes the ground truth as indented JSON (snake_case names, times as {@code yyyy-MM-dd HH:mm:ss}). */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ground truth to " + file, e);
        }
    }

    /**
     * The typed reader of {@code ground-truth.json}: Jackson binds it to these records, so consumers (the alert
     * scorer, the analytics checks) read fields, not JSON trees. A list absent from the file is null.
     */
    public static GroundTruth read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), GroundTruth.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ground truth from " + file, e);
        }
    }

    /** {@link #read} from a string. */
    public static GroundTruth parse(String json) {
        try {
            return MAPPER.readValue(json, GroundTruth.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse ground truth", e);
        }
    }

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The records' mapper plus what reading back needs: YearMonth, and LocalDateTime parsing in the same
     * {@code yyyy-MM-dd HH:mm:ss} format the records use (registered last, so it wins over JavaTimeModule's ISO).
     */
    private static ObjectMapper mapper() {
        return Json.mapper()
                .copy()
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("gridgov-ground-truth-times")
                        .addSerializer(LocalDateTime.class, new LocalDateTimeSerializer(Json.TIME))
                        .addDeserializer(LocalDateTime.class, new LocalDateTimeDeserializer(Json.TIME)))
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
