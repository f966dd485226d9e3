package org.gridgov.streaming.alerts.fanout;

import java.io.Serializable;
import java.util.Objects;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.streaming.api.WebhookFormat;

/**
 * Where and how alerts are pushed. URL (it carries the robot's access token) and signing secret come from the
 * environment; {@link #toString()} shows neither.
 */
public record WebhookSettings(
        WebhookFormat format,
        String url,
        String secret,
        AlertLevel minLevel,
        int ratePerMinute,
        int digestSize,
        int maxAttempts)
        implements Serializable {

    public WebhookSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(minLevel, "minLevel");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("alerts.webhook.url must be an http(s) URL");
        }
        if (ratePerMinute < 1 || digestSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("webhook rate, digest size and attempts must be at least 1");
        }
        secret = secret == null || secret.isEmpty() ? null : secret;
    }

    /**
     * These settings without the token and the signing secret (the URL cut to {@link #safeUrl()}): what the job graph
     * may hold. {@link #withSecrets} puts the ones read on the TaskManager back.
     */
    public WebhookSettings withoutSecrets() {
        return new WebhookSettings(format, safeUrl(), null, minLevel, ratePerMinute, digestSize, maxAttempts);
    }

    public WebhookSettings withSecrets(String newUrl, String newSecret) {
        return new WebhookSettings(format, newUrl.trim(), newSecret, minLevel, ratePerMinute, digestSize, maxAttempts);
    }

    /** Scheme, host and path: no query string, which holds the token. */
    public String safeUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    @Override
    public String toString() {
        return "WebhookSettings[" + format + " " + safeUrl() + ", signed=" + (secret != null) + ", min " + minLevel
                + ", " + ratePerMinute + "/min]";
    }
}
