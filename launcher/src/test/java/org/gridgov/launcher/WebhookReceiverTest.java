package org.gridgov.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The robot stand-in in process on loopback: DingTalk's signed query string is decoded and checked. */
class WebhookReceiverTest {

    private static final String SECRET = "SECdemo-secret-0001";

    @Test
    void aSignedPushIsKeptAsValidAndAWronglySignedOneAsInvalid() throws Exception {
        try (WebhookReceiver robot = new WebhookReceiver(SECRET)) {
            HttpClient http = HttpClient.newHttpClient();
            String timestamp = "1700000000000";
            // Base64 signatures hold '+', '/' and '=': they arrive URL-encoded, as DingTalk's clients send them
            String body = "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"预警\",\"text\":\"重复信访\"}}";
            HttpResponse<String> ok = post(
                    http,
                    robot.url() + "&timestamp=" + timestamp + "&sign="
                            + URLEncoder.encode(sign(timestamp), StandardCharsets.UTF_8),
                    body);
            post(http, robot.url() + "&timestamp=" + timestamp + "&sign=forged", body);
            post(http, robot.url(), body);

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\"}");
            assertThat(robot.pushes())
                    .extracting(WebhookReceiver.Push::signatureValid)
                    .containsExactly(true, false, false);
            assertThat(robot.pushes().get(0).body()).isEqualTo(body);
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String sign(String timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder()
                .encodeToString(mac.doFinal((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
    }
}
