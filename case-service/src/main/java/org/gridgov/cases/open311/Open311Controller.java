package org.gridgov.cases.open311;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.cases.CaseServiceApplication;
import org.gridgov.cases.CaseServiceProperties;
import org.gridgov.cases.casefile.CaseChannel;
import org.gridgov.cases.casefile.CaseService;
import org.gridgov.cases.casefile.NewCase;
import org.gridgov.cases.domain.InvalidInputException;
import org.gridgov.cases.domain.NotFoundException;
import org.gridgov.cases.domain.Refusals;
import org.gridgov.cases.security.Role;
import org.gridgov.cases.security.Staff;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.nlp.PersonalDataRedactor;
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
 * the normal workflow. Reading is public, as the standard expects, so it shows public data only:
 * <ul>
 *   <li>only cases marked publishable: a citizen channel whose reporter consented (a request made through Open311
 *   itself is public by the standard's design); 网格员巡查 and other internal cases answer 404;</li>
 *   <li>description and address with personal data removed ({@link PersonalDataRedactor}: names, phones, ID numbers,
 *   WeChat/QQ, e-mail, plates, door-level details), no reporter, no internal fields;</li>
 *   <li>lists a page at a time ({@code page} from 1, {@code page_size} up to {@value #MAX_PAGE_SIZE}, default
 *   {@value #DEFAULT_PAGE_SIZE}), one query per page.</li>
 * </ul>
 * A POST is checked field by field against the columns it is stored in before anything is written (no silent
 * truncation). Refusals are GeoReport error lists ({@code ErrorResponses}).
 */
@RestController
@RequestMapping("/open311/v2")
public class Open311Controller {

    static final Staff INTEGRATION = new Staff("open311", "Open311 外部应用", Role.COMMAND_CENTER, District.CODE, null);
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 100;
    /** page × page_size beyond this is refused: deep offsets cost the database and no app pages that far. */
    static final int MAX_OFFSET = 10_000;

    static final int MAX_IDS = 50;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_NAME = 64;
    static final int MAX_ADDRESS = 200;
    static final int MAX_PHONE = 32;

    private final CaseService cases;
    private final PublicRequests requests;
    private final CaseServiceProperties props;
    private final Refusals refusals;
    private final CategoryCatalog catalog = CategoryCatalog.standard();

    public Open311Controller(
            CaseService cases, PublicRequests requests, CaseServiceProperties props, Refusals refusals) {
        this.cases = cases;
        this.requests = requests;
        this.props = props;
        this.refusals = refusals;
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
            throw refusals.refuse(
                    INTEGRATION,
                    "REPORT",
                    "CASE",
                    null,
                    "Open311 request with a wrong api_key",
                    "api_key is missing or not valid");
        }
        checkText("service_code", serviceCode, 16);
        checkText("address_string", address, MAX_ADDRESS);
        checkText("description", description, MAX_DESCRIPTION);
        checkText("first_name", firstName, MAX_NAME);
        checkText("last_name", lastName, MAX_NAME);
        checkText("phone", phone, MAX_PHONE);
        checkText("request_id", clientRequestId, CaseService.MAX_IDEMPOTENCY_KEY);
        if (serviceCode == null || catalog.find(serviceCode).isEmpty()) {
            throw new InvalidInputException("service_code", "service_code " + serviceCode + " not found");
        }
        if ((lat == null || lon == null) && (address == null || address.isBlank())) {
            throw new InvalidInputException("address_string", "lat/long or address_string is required");
        }
        if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)
                || lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
            throw new InvalidInputException("lat", "lat/long must be a WGS84 point (lat -90..90, long -180..180)");
        }
        if (description == null || description.isBlank()) {
            throw new InvalidInputException("description", "description is required");
        }
        String name = ((lastName == null ? "" : lastName.strip()) + (firstName == null ? "" : firstName.strip()));
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException(
                    "first_name", "last_name and first_name together are at most " + MAX_NAME + " characters");
        }
        NewCase in = new NewCase(
                null,
                description,
                CaseChannel.OPEN311,
                serviceCode,
                lat,
                lon,
                null,
                address,
                1,
                name.isEmpty() ? null : name,
                phone,
                false);
        CaseService.Reported r = cases.report(INTEGRATION, in, clientRequestId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service_request_id", r.record().id());
        body.put("service_notice", "已受理，办理时限至 " + r.record().timing().dueAt().toLocalDate());
        body.put("account_id", null);
        return ResponseEntity.status(r.existed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(List.of(body));
    }

    /**
     * Refuses a field longer than its column, or one the container had to repair: a form body that is not valid
     * UTF-8 reaches us with U+FFFD in place of the bad bytes, and storing that would silently change the report.
     */
    private static void checkText(String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw new InvalidInputException(
                    field,
                    field + " is longer than " + max + " characters (" + value.length() + "); nothing was stored");
        }
        if (value.indexOf('\uFFFD') >= 0) {
            throw new InvalidInputException(field, field + " is not valid UTF-8; send the form as UTF-8");
        }
    }

    @GetMapping("/requests.json")
    public List<Map<String, Object>> requests(
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "start_date", required = false) OffsetDateTime start,
            @RequestParam(name = "end_date", required = false) OffsetDateTime end,
            @RequestParam(name = "page", defaultValue = "1") int page,
            @RequestParam(name = "page_size", defaultValue = "" + DEFAULT_PAGE_SIZE) int pageSize) {
        if (ids != null && !ids.isBlank()) {
            List<String> wanted = Arrays.stream(ids.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
            if (wanted.size() > MAX_IDS || wanted.stream().anyMatch(id -> id.length() > 40)) {
                throw new InvalidInputException(
                        "service_request_id",
                        "at most " + MAX_IDS + " service_request_id values of at most 40 characters each");
            }
            return requests.findAll(wanted.stream().distinct().toList()).stream()
                    .map(Open311Controller::view)
                    .toList();
        }
        int size = Math.min(Math.max(pageSize, 1), MAX_PAGE_SIZE);
        if (page < 1 || (long) page * size > MAX_OFFSET) {
            throw new InvalidInputException(
                    "page",
                    "page counts from 1, and page × page_size is at most " + MAX_OFFSET
                            + "; narrow start_date/end_date to go further back");
        }
        checkText("service_code", serviceCode, 16);
        LocalDateTime to = end == null
                ? LocalDateTime.now(CaseServiceApplication.DISTRICT_ZONE)
                : end.atZoneSameInstant(CaseServiceApplication.DISTRICT_ZONE).toLocalDateTime();
        LocalDateTime from = start == null
                ? to.minusDays(90)
                : start.atZoneSameInstant(CaseServiceApplication.DISTRICT_ZONE).toLocalDateTime();
        // GeoReport has open and closed; anything but "closed" asks for the open ones, as it always did
        Boolean open = status == null ? null : !status.equalsIgnoreCase("closed");
        return requests.page(from, to, serviceCode, open, page, size).stream()
                .map(Open311Controller::view)
                .toList();
    }

    @GetMapping("/requests/{id}.json")
    public List<Map<String, Object>> request(@PathVariable String id) {
        return List.of(view(
                requests.find(id).orElseThrow(() -> new NotFoundException("service_request_id " + id + " not found"))));
    }

    private static Map<String, Object> view(PublicRequests.PublicCase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", c.id());
        m.put("status", c.open() ? "open" : "closed");
        m.put("status_notes", c.open() ? c.currentStep() : "已办结");
        m.put("service_name", c.categoryName());
        m.put("service_code", c.categoryCode());
        m.put("description", PersonalDataRedactor.redact(c.description()));
        m.put("agency_responsible", c.agency());
        m.put("requested_datetime", iso(c.createdAt()));
        m.put("updated_datetime", iso(c.updatedAt()));
        m.put("expected_datetime", iso(c.dueAt()));
        m.put("address", PersonalDataRedactor.redact(c.address()));
        m.put("lat", c.latitude());
        m.put("long", c.longitude());
        return m;
    }

    private static String iso(LocalDateTime t) {
        return t == null
                ? null
                : t.atZone(CaseServiceApplication.DISTRICT_ZONE)
                        .toOffsetDateTime()
                        .toString();
    }
}
