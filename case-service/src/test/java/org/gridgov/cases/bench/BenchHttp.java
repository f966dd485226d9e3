package org.gridgov.cases.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The benchmarks' HTTP/1.1 client: Apache HttpClient 5 classic (blocking), a bounded pool of keep-alive connections,
 * one per client thread, no retries, redirects, cookies or compression. The clients run on the same cores as the
 * service, so what they cost is taken from the service's figures: the JDK's {@code java.net.http} client hands every
 * exchange between the caller, its selector thread and its executor (CompletableFutures on each step), and cost
 * about as much CPU per request as Tomcat's whole share of a creation (case-service README, "Issue 15").
 */
final class BenchHttp implements AutoCloseable {

    /** A status and, when asked for, the body as text. */
    record Answer(int status, String body) {}

    private final CloseableHttpClient client;

    BenchHttp(int connections) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(60))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
    }

    /** GET with an optional bearer token; the body is read and dropped (the connection goes back to the pool). */
    int get(String url, String token) throws IOException {
        ClassicRequestBuilder b = ClassicRequestBuilder.get(url);
        if (token != null) {
            b.addHeader("Authorization", "Bearer " + token);
        }
        return send(b.build(), false).status();
    }

    /** POST of a JSON body with an optional bearer token; the status, the body dropped. */
    int post(String url, String token, String json) throws IOException {
        return postForAnswer(url, token, json, false).status();
    }

    /** POST of a JSON body; the status and, if {@code withBody}, the answer's text. */
    Answer postForAnswer(String url, String token, String json, boolean withBody) throws IOException {
        ClassicRequestBuilder b = ClassicRequestBuilder.post(url).setEntity(json, ContentType.APPLICATION_JSON);
        if (token != null) {
            b.addHeader("Authorization", "Bearer " + token);
        }
        return send(b.build(), withBody);
    }

    private Answer send(ClassicHttpRequest request, boolean withBody) throws IOException {
        return client.execute(request, response -> {
            String body = null;
            if (withBody) {
                body = response.getEntity() == null
                        ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            } else {
                EntityUtils.consume(response.getEntity());
            }
            return new Answer(response.getCode(), body);
        });
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
