package org.gridgov.streaming.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gridgov.common.json.Json;

/**
 * The group-robot message formats leaders' chat tools accept: DingTalk (钉钉自定义机器人) and WeCom (企业微信群机器人),
 * both {@code msgtype: markdown}. DingTalk robots with 加签 security need {@code &timestamp=…&sign=…} on the URL:
 * Base64(HmacSHA256(key = secret, timestamp + "\n" + secret)), URL-encoded. WeCom has no signature (the key in the
 * URL is the credential). Both answer HTTP 200 with {@code errcode} 0 on success. In the api package because
 * {@code alerts.webhook.format} is typed with it.
 */
public enum WebhookFormat {
    DINGTALK(18_000) {
        @Override
        public String body(String title, String markdown) {
            ObjectNode n = Json.mapper().createObjectNode();
            n.put("msgtype", "markdown");
            ObjectNode md = n.putObject("markdown");
            md.put("title", title);
            md.put("text", markdown);
            return n.toString();
        }

        @Override
        public String url(String url, String secret, long nowMillis) {
            if (secret == null || secret.isEmpty()) {
                return url;
            }
            return url + (url.contains("?") ? "&" : "?") + "timestamp=" + nowMillis + "&sign="
                    + sign(nowMillis, secret);
        }
    },

    WECOM(4_000) {
        @Override
        public String body(String title, String markdown) {
            ObjectNode n = Json.mapper().createObjectNode();
            n.put("msgtype", "markdown");
            n.putObject("markdown").put("content", markdown);
            return n.toString();
        }

        @Override
        public String url(String url, String secret, long nowMillis) {
            return url;
        }
    };

    /** What became of one post. */
    public enum Outcome {
        OK,
        RETRY,
        FAIL
    }

    private final int maxMarkdownBytes;

    WebhookFormat(int maxMarkdownBytes) {
        this.maxMarkdownBytes = maxMarkdownBytes;
    }

    /** The request body of a markdown message. */
    public abstract String body(String title, String markdown);

    /** The URL to post to at {@code nowMillis} (signed where the format signs). */
    public abstract String url(String url, String secret, long nowMillis);

    /** Longest markdown text the robot accepts, with a margin (DingTalk 20000 bytes, WeCom 4096). */
    public int maxMarkdownBytes() {
        return maxMarkdownBytes;
    }

    public String channel() {
        return name().toLowerCase();
    }

    /** {@code dingtalk} or {@code wecom}, in any case, as {@code alerts.webhook.format} reads it. */
    public static WebhookFormat of(String name) {
        return AlertOptions.WEBHOOK_FORMAT.parse(name == null ? "" : name);
    }

    /**
     * HTTP 200 with errcode 0 is success; throttling (HTTP 429, 5xx, DingTalk errcode 130101 "send too fast", WeCom
     * 45009 "api freq out of limit") is worth retrying; anything else (bad signature, keyword missing, bad key) is not.
     */
    public static Outcome outcome(int status, String body) {
        if (status == 429 || status >= 500) {
            return Outcome.RETRY;
        }
        if (status != 200) {
            return Outcome.FAIL;
        }
        try {
            JsonNode n = Json.mapper().readTree(body == null ? "" : body);
            int code = n.path("errcode").asInt(-1);
            if (code == 0) {
                return Outcome.OK;
            }
            return code == 130101 || code == 45009 ? Outcome.RETRY : Outcome.FAIL;
        } catch (Exception e) {
            return Outcome.FAIL;
        }
    }

    /** DingTalk's 加签: URL-encoded Base64 of HmacSHA256(key = secret, timestamp + "\n" + secret). */
    public static String sign(long timestampMillis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
