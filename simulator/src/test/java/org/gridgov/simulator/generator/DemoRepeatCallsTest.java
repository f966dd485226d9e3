package org.gridgov.simulator.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.pii.PiiProtector;
import org.gridgov.loading.OdsMapper;
import org.gridgov.loading.cases.HotlineDuplicates;
import org.gridgov.warehouse.TableRow;
import org.junit.jupiter.api.Test;

/**
 * The demo month holds 12345 calls the stream loader marks as 重复来电 (issue 19 part 2), so the 12345 dashboard's
 * 受理量 vs 诉求数 and top-problem charts have rows in the demo: the loader's rule ({@link HotlineDuplicates}, per
 * caller and category, calls in accept order) applied to the generated records' DWD rows.
 */
class DemoRepeatCallsTest {

    @Test
    void theDemoMonthHasRepeatCallsOfOpenCases() {
        GeneratedDataset data = GeneratedDataset.demo();
        OdsMapper mapper = new OdsMapper(
                new PiiProtector("generator-test-salt-0123456789"), District.licheng(), CategoryCatalog.standard());
        Map<String, List<TableRow>> byKey = new LinkedHashMap<>();
        for (HotlineCase c : data.valid(SourceType.HOTLINE, HotlineCase.class)) {
            TableRow dwd = mapper.rows(c).get(1);
            HotlineDuplicates.key(dwd).ifPresent(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>())
                    .add(dwd));
        }
        HotlineDuplicates rule = new HotlineDuplicates(HotlineDuplicates.DEFAULT_WINDOW);
        Set<String> duplicates = new TreeSet<>();
        Set<String> masters = new TreeSet<>();
        for (List<TableRow> calls : byKey.values()) {
            List<HotlineDuplicates.Seen> seen = new ArrayList<>();
            calls.stream()
                    .map(HotlineDuplicates::seen)
                    .sorted(Comparator.comparingLong(HotlineDuplicates.Seen::acceptedSec)
                            .thenComparing(HotlineDuplicates.Seen::caseId))
                    .forEach(s -> {
                        String master = rule.master(s, seen);
                        seen.add(s.withMaster(master));
                        if (master != null) {
                            duplicates.add(s.caseId());
                            masters.add(master);
                        }
                    });
        }
        Set<String> planted = new TreeSet<>();
        data.truth.repeatCallers().forEach(r -> planted.addAll(r.caseIds()));
        System.out.printf(
                "demo 12345: %d calls of known callers, %d repeat calls of %d open problems, %d of them"
                        + " among the %d planted repeat-caller calls%n",
                byKey.values().stream().mapToInt(List::size).sum(),
                duplicates.size(),
                masters.size(),
                duplicates.stream().filter(planted::contains).count(),
                planted.size());
        assertThat(masters).as("problems called about at least twice").isNotEmpty();
        // a planted repeat caller calls about a problem of its own each time (repeat_call counts problems)
        assertThat(duplicates)
                .as("planted repeat-caller calls marked as repeats of an open case")
                .doesNotContainAnyElementsOf(planted);
    }
}
