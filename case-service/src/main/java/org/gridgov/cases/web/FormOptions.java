package org.gridgov.cases.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.area.AreaDirectory;
import org.gridgov.cases.casefile.CaseChannel;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.Community;
import org.gridgov.common.district.Grid;
import org.gridgov.common.district.Street;
import org.springframework.stereotype.Component;

/** Choices for the pages' selects: channels, the two-level categories, and the areas inside the user's scope. */
@Component
public class FormOptions {

    /** A level-1 category and its level-2 categories, for an optgroup or a cascading select. */
    public record CategoryGroup(String code, String name, List<Category> categories) {}

    /** The grids of one community, labelled with street and community. */
    public record GridGroup(String label, List<Grid> grids) {}

    public record Area(String code, String name) {}

    private final AreaDirectory areas;
    private final List<CategoryGroup> categoryGroups;
    private final List<CategoryGroup> allCategoryGroups;

    public FormOptions(AreaDirectory areas) {
        this.areas = areas;
        // retired categories stay readable and searchable on old cases but are not offered for new ones
        categoryGroups = groups(CategoryCatalog.standard().active());
        allCategoryGroups = groups(CategoryCatalog.standard().all());
    }

    private static List<CategoryGroup> groups(Collection<Category> categories) {
        Map<String, CategoryGroup> groups = new LinkedHashMap<>();
        for (Category c : categories) {
            groups.computeIfAbsent(c.parentCode(), k -> new CategoryGroup(k, c.parentName(), new ArrayList<>()))
                    .categories()
                    .add(c);
        }
        return List.copyOf(groups.values());
    }

    public CaseChannel[] channels() {
        return CaseChannel.values();
    }

    /** The categories a new case may take. */
    public List<CategoryGroup> categoryGroups() {
        return categoryGroups;
    }

    /** Every category a stored case may carry, retired ones included: for searching. */
    public List<CategoryGroup> allCategoryGroups() {
        return allCategoryGroups;
    }

    /** Grids the user may report in, by community. A grid worker gets exactly their grid. */
    public List<GridGroup> gridGroups(Staff staff) {
        Map<String, GridGroup> groups = new LinkedHashMap<>();
        for (Grid g : areas.district().grids()) {
            if (staff.covers(g.code())) {
                groups.computeIfAbsent(
                                g.communityCode(),
                                k -> new GridGroup(
                                        areas.name(g.streetCode()) + " / " + areas.name(k), new ArrayList<>()))
                        .grids()
                        .add(g);
            }
        }
        return List.copyOf(groups.values());
    }

    /** Streets and communities inside the user's scope, widest first, for area filters and task targets. */
    public List<Area> areasWithin(Staff staff) {
        List<Area> out = new ArrayList<>();
        for (Street s : areas.district().streets()) {
            if (staff.covers(s.code())) {
                out.add(new Area(s.code(), s.name()));
            }
        }
        for (Community c : areas.district().communities()) {
            if (staff.covers(c.code())) {
                out.add(new Area(c.code(), areas.name(c.streetCode()) + " " + c.name()));
            }
        }
        return out;
    }
}
