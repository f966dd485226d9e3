package org.gridgov.cases.open311;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.cases.CaseServiceApplication;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.cases.casefile.CaseChannel;
import org.gridgov.cases.casefile.CaseRecord;
import org.gridgov.cases.casefile.CaseRepository;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.casefile.CaseStatus;
import org.gridgov.cases.casefile.NewCase;
import org.gridgov.cases.dispatch.DepartmentDirectory;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.pii.PiiProtector;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 facade for external reporting apps (JSON format only): the level-2 categories are the
 * services; a POST becomes a case reported by the integration user {@code open311} (channel 外部应用) and enters
 * the normal workflow. Reading is public as the standard expects, so descriptions are returned with phone and ID
 * numbers redacted and no reporter details. Refusals are GeoReport error lists ({@code ErrorResponses}).
 */
@RestController
@RequestMapping("/open311/v2")
public class Open311Controller {

    static final Staff INTEGRATION = new Staff("open311", "Open311 外部应用", Role.COMMAND_CENTER, District.CODE, null);

    private final CaseService cases;
    private final CaseRepository repository;
    private final CaseServiceProperties props;
    private final Refusals refusals;
    private final DepartmentDirectory departments;
    private final CategoryCatalog catalog = CategoryCatalog.standard();

    public Open311Controller(CaseService cases, CaseRepository repository, CaseServiceProperties props,
                             Refusals refusals, DepartmentDirectory departments) {
        this.cases = cases;
        this.repository = repository;
        this.props = props;
        this.refusals = refusals;
        this.departments = departments;
    }

    @GetMapping("/services.json")
    public List<Map<String, Object>> services() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Category c : catalog.all()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", c.code());
            s.put("service_name", c.name());
            s.put("description", c.parentName() + " / " + c.name() + "（" + c.department() + "）");
            s.put("metadata", false);
            s.put("type", "realtime");
            s.put("keywords", c.parentName());
            s.put("group", c.parentName());
            out.add(s);
        }
        return out;
    }

    @PostMapping("/requests.json")
    public ResponseEntity<List<Map<String, Object>>> create(
            @RequestParam(name = "api_key", required = false) String apiKey,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(name = "lat", required = false) Double lat,
            @RequestParam(name = "long", required = false) Double lon,
            @RequestParam(name = "address_string", required = false) String address,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "first_name", required = false) String firstName,
            @RequestParam(name = "last_name", required = false) String lastName,
            @RequestParam(name = "phone", required = false) String phone,
            @RequestParam(name = "request_id", required = false) String clientRequestId) {
        // a blank key never matches, even where gridgov.case.open311-api-keys was set to an empty value
        if (apiKey == null || apiKey.isBlank() || !props.open311ApiKeys().contains(apiKey)) {
            throw refusals.refuse(INTEGRATION, "REPORT", "CASE", null, "Open311 request with a wrong api_key",
                    "api_key is missing or not valid");
        }
        if (serviceCode == null || catalog.find(serviceCode).isEmpty()) {
            throw new InvalidInputException("service_code", "service_code " + serviceCode + " not found");
        }
        if ((lat == null || lon == null) && (address == null || address.isBlank())) {
            throw new InvalidInputException("address_string", "lat/long or address_string is required");
        }
        if (description == null || description.isBlank()) {
            throw new InvalidInputException("description", "description is required");
        }
        String name = ((lastName == null ? "" : lastName) + (firstName == null ? "" : firstName)).trim();
        NewCase in = new NewCase(null, description.length() > 2000 ? description.substring(0, 2000) : description,
                CaseChannel.OPEN311, serviceCode, lat, lon, null, address, 1, name.isEmpty() ? null : name, phone,
                false);
        CaseService.Reported r = cases.report(INTEGRATION, in, clientRequestId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service_request_id", r.record().id());
        body.put("service_notice", "已受理，办理时限至 " + r.record().timing().dueAt().toLocalDate());
        body.put("account_id", null);
        return ResponseEntity.status(r.existed() ? HttpStatus.OK : HttpStatus.CREATED).body(List.of(body));
    }

    @GetMapping("/requests.json")
    public List<Map<String, Object>> requests(
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "start_date", required = false) OffsetDateTime start,
            @RequestParam(name = "end_date", required = false) OffsetDateTime end) {
        if (ids != null && !ids.isBlank()) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String id : ids.split(",")) {
                repository.find(id.trim()).ifPresent(c -> out.add(view(c)));
            }
            return out;
        }
        LocalDateTime to = end == null ? LocalDateTime.now(CaseServiceApplication.DISTRICT_ZONE)
                : end.atZoneSameInstant(CaseServiceApplication.DISTRICT_ZONE).toLocalDateTime();
        LocalDateTime from = start == null ? to.minusDays(90)
                : start.atZoneSameInstant(CaseServiceApplication.DISTRICT_ZONE).toLocalDateTime();
        // GeoReport has open and closed; anything but "closed" asks for the open ones, as it always did
        CaseStatus state = status == null ? null : status.equalsIgnoreCase("closed") ? CaseStatus.CLOSED
                : CaseStatus.OPEN;
        return repository.createdBetween(from, to, serviceCode, state, 1000).stream().map(this::view).toList();
    }

    @GetMapping("/requests/{id}.json")
    public List<Map<String, Object>> request(@PathVariable String id) {
        return List.of(view(repository.find(id).orElseThrow(
                () -> new NotFoundException("service_request_id " + id + " not found"))));
    }

    private Map<String, Object> view(CaseRecord c) {
        String department = c.assignment().departmentCode();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", c.id());
        m.put("status", c.open() ? "open" : "closed");
        m.put("status_notes", c.open() ? c.assignment().currentStep() : "已办结");
        m.put("service_name", c.report().categoryName());
        m.put("service_code", c.report().categoryCode());
        m.put("description", PiiProtector.redact(c.report().description()));
        m.put("agency_responsible", department == null ? null : departments.find(department).orElse(null));
        m.put("requested_datetime", iso(c.timing().createdAt()));
        m.put("updated_datetime", iso(c.timing().updatedAt()));
        m.put("expected_datetime", iso(c.timing().dueAt()));
        m.put("address", c.location().address());
        m.put("lat", c.location().latitude());
        m.put("long", c.location().longitude());
        return m;
    }

    private static String iso(LocalDateTime t) {
        return t == null ? null : t.atZone(CaseServiceApplication.DISTRICT_ZONE).toOffsetDateTime().toString();
    }
}
