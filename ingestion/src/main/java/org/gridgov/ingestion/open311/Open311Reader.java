package org.gridgov.ingestion.open311;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import org.gridgov.common.json.Json;
import org.gridgov.common.validation.Violation;
import org.gridgov.ingestion.datax.Positions;
import org.gridgov.ingestion.gateway.IntakeException;
import org.gridgov.ingestion.gateway.IntakeReader;
import org.gridgov.ingestion.gateway.IntakeRecord;

/**
 * An Open311 {@code requests.json} export (a JSON array of service requests, or an object holding one under
 * {@code service_requests} or {@code requests}) as gateway input: each request mapped to a 12345 case, or rejected
 * with the mapping's reasons. Positions are {@code file#n}, n counting requests from 1.
 */
public final class Open311Reader implements IntakeReader {

    private final String name;
    private final Open311Mapper mapper;
    private final Iterator<JsonNode> requests;
    private int index;

    public Open311Reader(InputStream in, String name, Open311Mapper mapper) throws IOException {
        this.name = name;
        this.mapper = mapper;
        JsonNode root;
        try {
            root = Json.mapper().readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new IntakeException(name + " is not JSON: " + e.getMessage());
        }
        JsonNode list = root == null
                ? null
                : root.isArray()
                        ? root
                        : root.has("service_requests") ? root.get("service_requests") : root.get("requests");
        if (list == null || !list.isArray()) {
            throw new IntakeException(name + " is not an Open311 requests.json (expected a JSON array of requests)");
        }
        this.requests = list.elements();
    }

    @Override
    public IntakeRecord next() {
        if (!requests.hasNext()) {
            return null;
        }
        JsonNode request = requests.next();
        String position = Positions.fit(name, 50) + "#" + (++index);
        Open311Mapper.Mapped m = mapper.map(request);
        if (m.ok()) {
            return IntakeRecord.of(position, m.hotline().toString(), request.toString());
        }
        List<Violation> p = m.problems();
        StringBuilder reason = new StringBuilder();
        for (Violation v : p) {
            reason.append(reason.length() == 0 ? "" : "; ").append(v);
        }
        return new IntakeRecord(
                position,
                null,
                request.toString(),
                new Violation(
                        p.get(0).field(), reason.substring(p.get(0).field().length() + 2)));
    }

    @Override
    public String notes() {
        return "";
    }

    @Override
    public void close() {}
}
