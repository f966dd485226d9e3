package org.gridgov.cases.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentServiceTest {

    @Test
    void contentMustMatchTheDeclaredType() {
        assertThat(AttachmentService.looksLike("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                .isTrue();
        assertThat(AttachmentService.looksLike("image/jpeg", "GIF89a".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(AttachmentService.looksLike("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .isTrue();
        assertThat(AttachmentService.looksLike("image/png", new byte[] {(byte) 0x89}))
                .isFalse();
        assertThat(AttachmentService.looksLike("application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .isTrue();
        assertThat(AttachmentService.looksLike("text/plain", "现场说明".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(AttachmentService.looksLike("text/plain", new byte[] {(byte) 0xC3, 0x28}))
                .isFalse();
    }
}
