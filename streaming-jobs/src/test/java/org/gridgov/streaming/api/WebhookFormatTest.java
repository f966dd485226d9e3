package org.gridgov.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridgov.common.json.Json;
import org.gridgov.streaming.api.WebhookFormat.Outcome;
import org.junit.jupiter.api.Test;

class WebhookFormatTest {

    static final String SECRET = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";

    @Test
    void dingTalkSignatureIsUrlEncodedBase64OfHmacSha256OfTimestampAndSecret() {
        // computed independently with Python's hmac/base64/urllib.parse.quote_plus
        assertThat(WebhookFormat.sign(1577262236757L, SECRET))
                .isEqualTo("iu%2F1P7oPm5Ku4bIMyRW005M9vvZd6ixc26DazrvY5W0%3D");
        assertThat(WebhookFormat.DINGTALK.url(
                        "https://oapi.dingtalk.com/robot/send?access_token=abc", SECRET, 1577262236757L))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=abc"
                        + "&timestamp=1577262236757&sign=iu%2F1P7oPm5Ku4bIMyRW005M9vvZd6ixc26DazrvY5W0%3D");
        assertThat(WebhookFormat.DINGTALK.url("http://127.0.0.1:1/x", null, 5)).isEqualTo("http://127.0.0.1:1/x");
        assertThat(WebhookFormat.WECOM.url("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", SECRET, 5))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k");
    }

    @Test
    void bothFormatsSendMarkdown() throws Exception {
        JsonNode ding = Json.mapper().readTree(WebhookFormat.DINGTALK.body("预警 标题", "### 预警\n- 内容"));
        assertThat(ding.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(ding.path("markdown").path("title").asText()).isEqualTo("预警 标题");
        assertThat(ding.path("markdown").path("text").asText()).isEqualTo("### 预警\n- 内容");

        JsonNode wecom = Json.mapper().readTree(WebhookFormat.WECOM.body("预警 标题", "### 预警"));
        assertThat(wecom.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(wecom.path("markdown").path("content").asText()).isEqualTo("### 预警");
        assertThat(WebhookFormat.WECOM.maxMarkdownBytes()).isLessThan(4096);
    }

    @Test
    void robotAnswersDecideBetweenSuccessRetryAndFailure() {
        assertThat(WebhookFormat.outcome(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"))
                .isEqualTo(Outcome.OK);
        assertThat(WebhookFormat.outcome(200, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}"))
                .isEqualTo(Outcome.RETRY);
        assertThat(WebhookFormat.outcome(200, "{\"errcode\":45009}")).isEqualTo(Outcome.RETRY);
        assertThat(WebhookFormat.outcome(503, "")).isEqualTo(Outcome.RETRY);
        assertThat(WebhookFormat.outcome(429, "")).isEqualTo(Outcome.RETRY);
        assertThat(WebhookFormat.outcome(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}"))
                .isEqualTo(Outcome.FAIL);
        assertThat(WebhookFormat.outcome(404, "")).isEqualTo(Outcome.FAIL);
        assertThat(WebhookFormat.outcome(200, "<html>proxy</html>")).isEqualTo(Outcome.FAIL);
    }

    @Test
    void formatNames() {
        assertThat(WebhookFormat.of("DingTalk")).isEqualTo(WebhookFormat.DINGTALK);
        assertThat(WebhookFormat.of("wecom").channel()).isEqualTo("wecom");
        assertThatThrownBy(() -> WebhookFormat.of("slack")).hasMessageContaining("dingtalk or wecom");
    }
}
