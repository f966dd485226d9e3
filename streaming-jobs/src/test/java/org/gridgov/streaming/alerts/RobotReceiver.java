package org.gridgov.streaming.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.common.json.Json;

/** A local stand-in for the DingTalk robot on 127.0.0.1: records every post and answers errcode 0. */
final class RobotReceiver implements AutoCloseable {

    /** One received post. */
    record Message(String rawQuery, Map<String, String> query, JsonNode body) {}

    private static final Pattern SINGLE = Pattern.compile("预警编号\\*\\*: ([a-z_]+-[0-9a-f]{32})");
    private static final Pattern DIGEST_LINE = Pattern.compile("`([a-z_]+-[0-9a-f]{32})`");

    private final HttpServer server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    private RobotReceiver(HttpServer server) {
        this.server = server;
    }

    static RobotReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        RobotReceiver r = new RobotReceiver(server);
        server.createContext("/robot/send", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String raw = exchange.getRequestURI().getRawQuery();
            r.messages.add(
                    new Message(raw, parse(raw), Json.mapper().readTree(new String(body, StandardCharsets.UTF_8))));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
        return r;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send";
    }

    List<Message> messages() {
        return new ArrayList<>(messages);
    }

    void reset() {
        messages.clear();
    }

    /** Alert id → how many times it was pushed (alone, or as a line of a digest). */
    Map<String, Integer> pushedAlertIds() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Message msg : messages) {
            String text = msg.body().path("markdown").path("text").asText();
            Matcher single = SINGLE.matcher(text);
            Matcher digest = DIGEST_LINE.matcher(text);
            while (single.find()) {
                m.merge(single.group(1), 1, Integer::sum);
            }
            while (digest.find()) {
                m.merge(digest.group(1), 1, Integer::sum);
            }
        }
        return m;
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null) {
            return m;
        }
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            m.put(
                    URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8),
                    i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
