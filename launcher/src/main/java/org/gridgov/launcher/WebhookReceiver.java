package org.gridgov.launcher;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for the DingTalk robot on loopback, so the demo shows the leaders' pushes without the internet. It
 * checks each push's signature the way DingTalk does (HmacSHA256 of "timestamp\nsecret", Base64) and keeps the bodies.
 * Served by Javalin, which also decodes the query string.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One push as received. */
    record Push(boolean signatureValid, String body) {}

    private final Javalin server;
    private final String secret;
    private final List<Push> pushes = new ArrayList<>();

    WebhookReceiver(String secret) {
        this.secret = secret;
        server = Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.post("/robot/send", this::handle);
                })
                .start("127.0.0.1", 0);
    }

    /** The robot URL to configure, like DingTalk's {@code /robot/send?access_token=...}. */
    String url() {
        return "http://127.0.0.1:" + server.port() + "/robot/send?access_token=demo";
    }

    private void handle(Context ctx) {
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        synchronized (pushes) {
            pushes.add(new Push(signed(ctx.queryParam("timestamp"), ctx.queryParam("sign")), body));
        }
        ctx.contentType("application/json").result("{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private boolean signed(String timestamp, String sign) {
        if (timestamp == null || sign == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(expected).equals(sign);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    List<Push> pushes() {
        synchronized (pushes) {
            return List.copyOf(pushes);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
