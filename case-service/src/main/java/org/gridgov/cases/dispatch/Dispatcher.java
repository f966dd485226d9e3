package org.gridgov.cases.dispatch;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 智能分拨: the rules for the case's category (level 2, then level 1) and street give candidate departments; the
 * highest priority wins, and equal priorities go to the department with the fewest open cases. The reason names the
 * rule and the workloads, so the command centre can see why and override.
 */
@Component
public class Dispatcher {

    public record Candidate(long ruleId, String departmentCode, String departmentName, int priority, int openCases) {}

    public record Suggestion(String departmentCode, String departmentName, String reason, List<Candidate> candidates) {}

    private final DispatchRepository rules;

    public Dispatcher(DispatchRepository rules) {
        this.rules = rules;
    }

    public Suggestion suggest(String categoryCode, String streetCode) {
        String level1 = categoryCode.length() > 3 ? categoryCode.substring(0, 3) : categoryCode;
        List<Candidate> candidates = rules.candidates(categoryCode, level1, streetCode);
        if (candidates.isEmpty()) {
            return new Suggestion(null, null, "分类 " + categoryCode + " 没有分拨规则，需指挥中心人工指定", List.of());
        }
        Candidate best = candidates.stream()
                .min(Comparator.comparingInt((Candidate c) -> -c.priority())
                        .thenComparingInt(Candidate::openCases)
                        .thenComparing(Candidate::departmentCode))
                .orElseThrow();
        List<Candidate> tied =
                candidates.stream().filter(c -> c.priority() == best.priority()).toList();
        StringBuilder reason = new StringBuilder("规则#")
                .append(best.ruleId())
                .append(" 分类 ")
                .append(categoryCode)
                .append(" → ")
                .append(best.departmentName())
                .append(" (优先级 ")
                .append(best.priority())
                .append(")");
        if (tied.size() > 1) {
            reason.append("；同优先级按在办量: ");
            tied.stream().sorted(Comparator.comparingInt(Candidate::openCases)).forEach(c -> reason.append(
                            c.departmentName())
                    .append(' ')
                    .append(c.openCases())
                    .append("件 "));
        }
        return new Suggestion(
                best.departmentCode(), best.departmentName(), reason.toString().trim(), candidates);
    }
}
