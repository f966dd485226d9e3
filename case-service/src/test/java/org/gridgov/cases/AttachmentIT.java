package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.gridgov.cases.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attachments: type and size limits, content checked against the type, access as for the case. */
class AttachmentIT extends ServiceIT {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    Api.Session worker;
    Api.Session other;
    String caseId;

    @BeforeEach
    void setUp() {
        user("at_worker", Role.GRID_WORKER, WorkflowIT.GRID, null);
        user("at_other", Role.GRID_WORKER, "37011200200101", null);
        worker = login("at_worker");
        other = login("at_other");
        caseId = worker.post("/api/cases", WorkflowIT.report("违章搭建", "C0101", false))
                .text("id");
    }

    Api.Response upload(Api.Session s, String name, String type, byte[] content) {
        String boundary = "gg" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return api.sendRaw(HttpRequest.newBuilder(URI.create(api.base() + "/api/cases/" + caseId + "/attachments"))
                .header("Authorization", "Bearer " + s.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    @Test
    void aPhotoIsStoredAndServedToUsersWhoMaySeeTheCase() throws Exception {
        Api.Response r = upload(worker, "现场照片.png", "image/png", PNG);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        String id = r.text("id");
        assertThat(worker.get("/api/cases/" + caseId + "/attachments").body().findValuesAsText("file_name"))
                .containsExactly("现场照片.png");
        var download = api.sendRaw(HttpRequest.newBuilder(URI.create(api.base() + "/api/attachments/" + id))
                .header("Authorization", "Bearer " + worker.token())
                .build());
        assertThat(download.status()).isEqualTo(200);
        assertThat(other.get("/api/attachments/" + id).status()).isEqualTo(403);
        assertThat(upload(other, "x.png", "image/png", PNG).status()).isEqualTo(403);
    }

    @Test
    void wrongTypesFakeContentAndOversizedFilesAreRefused() {
        assertThat(upload(worker, "run.exe", "application/x-msdownload", new byte[] {'M', 'Z', 0, 0})
                        .status())
                .isEqualTo(400);
        Api.Response fake = upload(worker, "photo.png", "image/png", "not a png".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.text("error")).contains("不符");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        assertThat(upload(worker, "big.txt", "text/plain", big).status()).isIn(400, 413);
        assertThat(worker.get("/api/cases/" + caseId + "/attachments").body().size())
                .isZero();
    }
}
