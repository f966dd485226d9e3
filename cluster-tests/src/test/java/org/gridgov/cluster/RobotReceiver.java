package org.gridgov.cluster;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DingTalk robot stand-in on loopback: answers {@code errcode 0} and counts, per alert id, how often an alert was
 * pushed (alone or in a digest), so a test sees a duplicate push after a TaskManager was killed.
 */
final class RobotReceiver implements AutoCloseable {

    private static final Pattern SINGLE = Pattern.compile("预警编号\\*\\*: ([a-z_]+-[0-9a-f]{32})");
    private static final Pattern DIGEST_LINE = Pattern.compile("`([a-z_]+-[0-9a-f]{32})`");

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    RobotReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/robot/send", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
    }

    /** The robot's URL with an access token, as a DingTalk robot's URL looks. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=cluster-it-token";
    }

    int messages() {
        return bodies.size();
    }

    /** How often each alert id was pushed. */
    Map<String, Integer> pushesByAlert() {
        Map<String, Integer> out = new TreeMap<>();
        for (String body : bodies) {
            Matcher single = SINGLE.matcher(body);
            Matcher digest = DIGEST_LINE.matcher(body);
            while (single.find()) {
                out.merge(single.group(1), 1, Integer::sum);
            }
            while (digest.find()) {
                out.merge(digest.group(1), 1, Integer::sum);
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
