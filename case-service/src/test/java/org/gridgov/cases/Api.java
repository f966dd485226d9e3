package org.gridgov.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small JSON client for the service's API, as an external client would use it (bearer tokens). */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .findAndRegisterModules();

    public record Response(int status, JsonNode body, String raw) {
        public JsonNode get(String field) {
            return body.get(field);
        }

        public String text(String field) {
            JsonNode n = body.get(field);
            return n == null || n.isNull() ? null : n.asText();
        }
    }

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public Session login(String username, String password) {
        Response r =
                send("POST", "/api/auth/token", null, java.util.Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("login " + username + " failed: " + r.status() + " " + r.raw());
        }
        return new Session(this, r.text("token"));
    }

    public Response send(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return read(http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response sendRaw(HttpRequest request) {
        try {
            return read(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file upload as a browser or client sends it: {@code multipart/form-data} with one part named "file". */
    public Response upload(String token, String path, String fileName, String contentType, byte[] content) {
        String boundary = "gg" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return sendRaw(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private static Response read(HttpResponse<String> r) throws IOException {
        String raw = r.body();
        JsonNode node = raw == null || raw.isBlank() || !(raw.startsWith("{") || raw.startsWith("["))
                ? JSON.nullNode()
                : JSON.readTree(raw);
        return new Response(r.statusCode(), node, raw);
    }

    /** A signed-in client. */
    public record Session(Api api, String token) {
        public Response get(String path) {
            return api.send("GET", path, token, null);
        }

        public Response post(String path, Object body) {
            return api.send("POST", path, token, body);
        }

        public Response put(String path, Object body) {
            return api.send("PUT", path, token, body);
        }
    }
}
