package org.gridgov.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript for page tests: keeps the session cookie, does not follow redirects (tests look at
 * them), and sends the CSRF token of the last page it loaded with every form, as a real form would.
 */
final class PageClient {

    record Page(int status, String location, String body, java.net.http.HttpHeaders headers) {

        /** A response header, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The path of a redirect, e.g. {@code /cases/SJ…}. */
        String redirectPath() {
            return location == null ? null : URI.create(location).getRawPath();
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String csrf;

    PageClient(String base) {
        this.base = base;
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the last page's CSRF token (unless the form names its own {@code _csrf}). */
    Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        fields.putAll(form);
        return post(
                path,
                fields.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), e.getValue()))
                        .toList());
    }

    /** Posts fields in order, a name possibly repeated (a table of inputs), with the last page's CSRF token first. */
    Page post(String path, java.util.List<Map.Entry<String, String>> fields) {
        java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>();
        if (csrf != null && fields.stream().noneMatch(f -> f.getKey().equals("_csrf"))) {
            all.add(Map.entry("_csrf", csrf));
        }
        all.addAll(fields);
        String body =
                all.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Uploads one file as the page's multipart form does, with the last page's CSRF token. */
    Page postFile(String path, String fileName, String contentType, byte[] content) {
        String boundary = "----gridgov" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Loads where a redirect points. */
    Page follow(Page redirect) {
        String location = redirect.location();
        return get(location.startsWith("http") ? location.substring(base.length()) : location);
    }

    Page login(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    /** A page's script asking the session's JSON twin of an API (e.g. the report form's {@code /cases/similar}). */
    Page getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), "application/json");
    }

    /** Asks for HTML like a browser does; Spring Boot answers errors of other clients with JSON. */
    private Page send(HttpRequest.Builder request) {
        return send(request, "text/html,application/xhtml+xml");
    }

    private Page send(HttpRequest.Builder request, String accept) {
        try {
            HttpResponse<String> r = http.send(
                    request.header("Accept", accept).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
