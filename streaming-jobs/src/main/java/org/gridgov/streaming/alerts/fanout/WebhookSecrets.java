package org.gridgov.streaming.alerts.fanout;

import java.util.Objects;
import org.gridgov.common.config.SecretSource;
import org.gridgov.streaming.api.AlertOptions;
import org.gridgov.streaming.job.TaskSecret;

/**
 * The robot settings with the URL (it carries the access token) and the signing secret read where the webhook sink
 * runs ({@code alerts.webhook.url}, {@code alerts.webhook.secret}); the job graph holds only format, limits and the
 * URL without its query string.
 */
public record WebhookSecrets(WebhookSettings withoutSecrets, SecretSource source)
        implements TaskSecret<WebhookSettings> {

    public WebhookSecrets {
        withoutSecrets = withoutSecrets.withoutSecrets();
        Objects.requireNonNull(source, "source");
    }

    @Override
    public WebhookSettings get() {
        return withoutSecrets.withSecrets(
                source.require(AlertOptions.WEBHOOK_URL), source.get(AlertOptions.WEBHOOK_SECRET));
    }

    @Override
    public String toString() {
        return withoutSecrets + " (URL and secret from " + source + ")";
    }
}
