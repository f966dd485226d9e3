package org.gridgov.cases.access;

/**
 * What an {@link Action} is done to, reduced to the facts the rules read. Built by the owning packages (a case's
 * {@code accessTarget()}, a task's), so this package depends on none of them.
 */
public sealed interface Target
        permits Target.Nothing, Target.Area, Target.Case, Target.Task, Target.Merge, Target.Subject, Target.Assessment {

    /** For actions on nothing in particular: may the user report at all, read the inbox, administer. */
    record Nothing() implements Target {}

    /** A grid, community or street: where a case is reported, whom a task goes to. */
    record Area(String code) implements Target {}

    /**
     * A case as the rules see it.
     *
     * @param gridCode       where it is
     * @param pendingRole    the role that must act now; null once closed
     * @param currentStep    the workflow step it waits at
     * @param departmentCode the department it is assigned to now (kept after that department's step, replaced by a
     *                       re-dispatch); null before the first dispatch
     */
    record Case(String gridCode, String pendingRole, String currentStep, String departmentCode) implements Target {}

    /**
     * A task as the rules see it: who executes it ({@code assigneeType} AREA, DEPARTMENT or PERSON and its code),
     * the area it belongs to and who issued it.
     */
    record Task(String assigneeType, String assigneeCode, String areaCode, String createdBy) implements Target {}

    /**
     * A merge of {@code duplicate} into {@code master}; {@code duplicateReporter} is the user who reported the
     * duplicate (a grid worker may merge their own fresh report).
     */
    record Merge(Case duplicate, Case master, String duplicateReporter) implements Target {}

    /**
     * What 综合查询 looks at (a person, a company, a place), reduced to the areas its records lie in (grid, community
     * or street codes; empty when none can be placed).
     */
    record Subject(java.util.Set<String> areaCodes) implements Target {}

    /**
     * 监督考核 (issue 16): a level's rules or one of its subjects. {@code level} is GRID_WORKER, COMMUNITY, STREET or
     * DEPARTMENT; {@code areaCode} the subject's grid, community or street code (null for a department); for rules, the
     * scope: the district's code or a street's (null = the district's); {@code author} who gave a manual score (null otherwise).
     */
    record Assessment(String level, String areaCode, String author) implements Target {}

    static Target nothing() {
        return new Nothing();
    }

    static Target area(String code) {
        return new Area(code);
    }
}
