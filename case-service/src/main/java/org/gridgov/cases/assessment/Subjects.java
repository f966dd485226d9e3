package org.gridgov.cases.assessment;

import java.util.Optional;
import java.util.regex.Pattern;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.dispatch.DepartmentDirectory;
import org.gridgov.common.district.District;
import org.springframework.stereotype.Component;

/**
 * Who a subject code names at each level, and the area it lies in (for {@code Authorization}'s scope check): a grid
 * worker's id is {@code W} and their grid's code without the district prefix (one worker per grid, as the simulator's
 * {@code GridRecords.workerId} and the warehouse's {@code worker_id} have it); communities and streets are their
 * codes; a department is its code and lies in no area.
 */
@Component
public class Subjects {

    private static final Pattern WORKER_ID = Pattern.compile("W[0-9]{8}");

    /** A known subject: its code, display name and area (null for a department). */
    public record Subject(AssessmentLevel level, String code, String name, String areaCode) {}

    private final AreaDirectory areas;
    private final DepartmentDirectory departments;

    public Subjects(AreaDirectory areas, DepartmentDirectory departments) {
        this.areas = areas;
        this.departments = departments;
    }

    /** The worker id of a grid's worker. */
    public static String workerId(String gridCode) {
        return "W" + gridCode.substring(District.CODE.length());
    }

    /** The grid of a worker id, or null when {@code workerId} is not one. */
    public static String gridOf(String workerId) {
        return workerId != null && WORKER_ID.matcher(workerId).matches() ? District.CODE + workerId.substring(1) : null;
    }

    /** The subject {@code code} names at {@code level}, if it exists. */
    public Optional<Subject> find(AssessmentLevel level, String code) {
        if (code == null || code.isBlank() || code.length() > 32) {
            return Optional.empty();
        }
        String c = code.strip();
        District d = areas.district();
        return switch (level) {
            case GRID_WORKER ->
                Optional.ofNullable(gridOf(c))
                        .flatMap(areas::grid)
                        .map(g -> new Subject(level, c, g.name() + " 网格员", g.code()));
            case COMMUNITY ->
                d.communities().stream()
                        .filter(x -> x.code().equals(c))
                        .findFirst()
                        .map(x -> new Subject(level, c, x.name(), c));
            case STREET ->
                d.streets().stream()
                        .filter(x -> x.code().equals(c))
                        .findFirst()
                        .map(x -> new Subject(level, c, x.name(), c));
            case DEPARTMENT -> departments.find(c).map(name -> new Subject(level, c, name, null));
        };
    }

    /** A display name for a subject code, or the code itself. */
    public String name(AssessmentLevel level, String code) {
        return find(level, code).map(Subject::name).orElse(code);
    }
}
