package org.gridgov.ingestion.dim;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.Community;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.district.Street;
import org.gridgov.warehouse.JdbcUpserter;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;
import org.gridgov.warehouse.WarehouseSchema;

/**
 * Loads the reference dimensions (streets, communities, grids with boundaries, categories) into the warehouse.
 * Upserts, so running it again after a change to the reference files updates rows in place.
 */
public final class DimensionLoader {

    private final District district;
    private final CategoryCatalog categories;
    private final JdbcUpserter upserter;

    public DimensionLoader(District district, CategoryCatalog categories, SqlDialect dialect) {
        this.district = district;
        this.categories = categories;
        this.upserter = new JdbcUpserter(dialect);
    }

    /** Row counts loaded per table, in load order. */
    public Map<String, Integer> load(Connection connection) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            write(
                    connection,
                    WarehouseSchema.DIM_STREET,
                    district.streets().stream().map(this::street).toList(),
                    counts);
            write(
                    connection,
                    WarehouseSchema.DIM_COMMUNITY,
                    district.communities().stream().map(this::community).toList(),
                    counts);
            write(
                    connection,
                    WarehouseSchema.DIM_GRID,
                    district.grids().stream().map(this::grid).toList(),
                    counts);
            write(
                    connection,
                    WarehouseSchema.DIM_CATEGORY,
                    categories.all().stream().map(this::category).toList(),
                    counts);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return counts;
    }

    private void write(Connection c, Table table, List<TableRow> rows, Map<String, Integer> counts)
            throws SQLException {
        counts.put(table.name(), upserter.upsert(c, table, rows));
    }

    private TableRow street(Street s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("street_code", s.code());
        v.put("street_name", s.name());
        v.put("district_code", District.CODE);
        v.put("district_name", District.NAME);
        return WarehouseSchema.DIM_STREET.row(v);
    }

    private TableRow community(Community c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("community_code", c.code());
        v.put("community_name", c.name());
        v.put("street_code", c.streetCode());
        return WarehouseSchema.DIM_COMMUNITY.row(v);
    }

    private TableRow grid(Grid g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("grid_code", g.code());
        v.put("grid_name", g.name());
        v.put("community_code", g.communityCode());
        v.put("street_code", g.streetCode());
        v.put("boundary_wkt", g.boundary().toText());
        return WarehouseSchema.DIM_GRID.row(v);
    }

    private TableRow category(Category c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("category_code", c.code());
        v.put("category_name", c.name());
        v.put("parent_code", c.parentCode());
        v.put("parent_name", c.parentName());
        v.put("department", c.department());
        return WarehouseSchema.DIM_CATEGORY.row(v);
    }
}
