package org.gridgov.cases.api;

import java.util.List;
import java.util.Map;
import org.gridgov.cases.domain.DomainException;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.map.GridMap;
import org.gridgov.cases.map.ReportMap;
import org.gridgov.cases.map.SelectionPolygon;
import org.gridgov.cases.security.CurrentStaff;
import org.gridgov.cases.security.ErrorBodies;
import org.gridgov.cases.web.ErrorResponses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 一张图 as JSON, on both chains like the inbox stream: {@code /map/**} for the map page and the cockpit panel
 * (session, CSRF on the POST), {@code /api/map/**} for clients (bearer token). Refusals and bad polygons answer
 * problem details on both, since both are read by scripts, not shown as pages.
 */
@RestController
public class MapController {

    /**
     * {@code {"polygon": [[lon, lat], ...]}}, GeoJSON's order; {@code page} from 1 and {@code page_size} (default
     * {@link GridMap#DEFAULT_PAGE_SIZE}, at most {@link GridMap#MAX_PAGE_SIZE}) page the cases listed.
     */
    public record SelectRequest(List<List<Double>> polygon, Integer page, Integer pageSize) {}

    private final GridMap map;
    private final ReportMap reportMap;

    public MapController(GridMap map, ReportMap reportMap) {
        this.map = map;
        this.reportMap = reportMap;
    }

    /** The district's grid and community outlines for the report form's pin and a case's map (no figures). */
    @GetMapping(
            value = {"/map/district.geojson", "/api/map/district.geojson"},
            produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    public Map<String, Object> district() {
        return reportMap.districtGeoJson(CurrentStaff.get());
    }

    /** The report form's pin: the grid the point falls in and the nearest community's address. */
    @GetMapping({"/map/locate", "/api/map/locate"})
    public ReportMap.Located locate(
            @RequestParam(required = false) String latitude, @RequestParam(required = false) String longitude) {
        return reportMap.locate(CurrentStaff.get(), number("latitude", latitude), number("longitude", longitude));
    }

    /** A case on the map with the open cases near it (the case page, which is also the dispatch page). */
    @GetMapping({"/map/cases/{id}/nearby", "/api/map/cases/{id}/nearby"})
    public ReportMap.CaseMap nearby(@PathVariable String id) {
        return reportMap.nearby(CurrentStaff.get(), id);
    }

    private static Double number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " 应为数字 / must be a number");
        }
    }

    @GetMapping(
            value = {"/map/grids.geojson", "/api/map/grids.geojson"},
            produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    public Map<String, Object> grids() {
        return map.geoJson(CurrentStaff.get());
    }

    @GetMapping({"/map/data", "/api/map/data"})
    public GridMap.MapData data() {
        return map.data(CurrentStaff.get());
    }

    @GetMapping({"/map/grids/{code}/cases", "/api/map/grids/{code}/cases"})
    public List<GridMap.MapCase> gridCases(@PathVariable String code) {
        return map.casesOfGrid(CurrentStaff.get(), code);
    }

    @PostMapping({"/map/select", "/api/map/select"})
    public GridMap.Selection select(@RequestBody SelectRequest body) {
        SelectionPolygon polygon = SelectionPolygon.of(body == null ? null : body.polygon());
        return map.select(
                CurrentStaff.get(),
                polygon,
                body.page() == null ? 1 : body.page(),
                body.pageSize() == null ? GridMap.DEFAULT_PAGE_SIZE : body.pageSize());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> refused(DomainException e) {
        int status = ErrorResponses.statusOf(e).value();
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(ErrorBodies.contentType(ErrorBodies.Chain.API)))
                .body(ErrorBodies.body(ErrorBodies.Chain.API, status, e.getMessage()));
    }
}
