package org.gridgov.simulator.generator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.model.ArrearsCase;
import org.gridgov.common.model.ArrearsStatus;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.loading.OdsMapper;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * The scenario definitions computed from valid records alone, the way a downstream job would, without knowing what
 * was planted. The tests compare these with the ground truth.
 */
final class ScenarioRecomputation {

    static final Duration THIRTY_DAYS = Duration.ofDays(30);
    static final Duration SIX_HOURS = Duration.ofHours(6);

    private ScenarioRecomputation() {}

    /** Keys with at least {@code n} records within {@code window}, each mapped to all its records' ids. */
    static <T extends SourceRecord> Map<String, List<String>> repeated(
            List<T> records, Function<T, String> key, int n, Duration window) {
        Map<String, List<T>> byKey = new LinkedHashMap<>();
        for (T r : records) {
            String k = key.apply(r);
            if (k != null) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<String>> result = new TreeMap<>();
        byKey.forEach((k, list) -> {
            list.sort(Comparator.comparing(SourceRecord::eventTime));
            for (int i = 0; i + n - 1 < list.size(); i++) {
                if (Duration.between(
                                        list.get(i).eventTime(),
                                        list.get(i + n - 1).eventTime())
                                .compareTo(window)
                        <= 0) {
                    result.put(k, list.stream().map(SourceRecord::recordId).toList());
                    break;
                }
            }
        });
        return result;
    }

    /** Petition ids in some 6-hour window where one company is named by at least 5 distinct people. */
    static Set<String> groupPetitionIds(List<Petition> petitions) {
        Map<String, List<Petition>> byCompany = new LinkedHashMap<>();
        petitions.stream().filter(p -> p.companyName() != null).forEach(p -> byCompany
                .computeIfAbsent(p.companyName(), k -> new ArrayList<>())
                .add(p));
        Set<String> ids = new LinkedHashSet<>();
        for (List<Petition> list : byCompany.values()) {
            list.sort(Comparator.comparing(Petition::petitionTime));
            for (int i = 0; i < list.size(); i++) {
                LocalDateTime end = list.get(i).petitionTime().plus(SIX_HOURS);
                List<Petition> window = new ArrayList<>();
                for (int j = i; j < list.size() && !list.get(j).petitionTime().isAfter(end); j++) {
                    window.add(list.get(j));
                }
                Set<String> people = new HashSet<>();
                window.forEach(p -> people.add(p.personIdCard()));
                if (people.size() >= 5) {
                    window.forEach(p -> ids.add(p.petitionId()));
                }
            }
        }
        return ids;
    }

    /** Overdue as the warehouse loader flags it: OdsMapper's DWD row, column is_overdue. */
    static Set<String> overdueIds(List<HotlineCase> cases) {
        OdsMapper mapper = new OdsMapper(
                new PiiProtector("generator-test-salt-0123456789"), District.licheng(), CategoryCatalog.standard());
        Set<String> ids = new LinkedHashSet<>();
        for (HotlineCase c : cases) {
            String flag = mapper.rows(c).get(1).value(WarehouseSchema.DWD_HOTLINE_CASE, "is_overdue");
            if ("1".equals(flag)) {
                ids.add(c.caseId());
            }
        }
        return ids;
    }

    static Set<String> bigArrearsIds(List<ArrearsCase> cases, GroundTruth.BigArrears rule) {
        Set<String> ids = new LinkedHashSet<>();
        for (ArrearsCase a : cases) {
            boolean big = a.workerCount() >= rule.minWorkerCount()
                    || a.amountYuan().longValue() >= rule.minAmountYuan()
                    || (a.status() != ArrearsStatus.RESOLVED && a.reportTime().isBefore(rule.staleCutoff()));
            if (big) {
                ids.add(a.caseId());
            }
        }
        return ids;
    }
}
