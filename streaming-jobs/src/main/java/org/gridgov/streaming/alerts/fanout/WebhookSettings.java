package org.gridgov.streaming.alerts.fanout;

import java.io.Serializable;
import java.util.Objects;
import org.gridgov.common.model.AlertLevel;
import org.gridgov.streaming.api.WebhookFormat;

/**
 * Where and how alerts are pushed. URL (it carries the robot's access token) and signing secret come from the
 * environment; {@link #toString()} shows neither.
 */
public record WebhookSettings(WebhookFormat format, String url, String secret, AlertLevel minLevel, int ratePerMinute,
                              int digestSize, int maxAttempts) implements Serializable {

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
