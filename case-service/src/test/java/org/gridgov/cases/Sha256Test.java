package org.gridgov.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Sha256Test {

    /** FIPS 180-2, appendix B.1 and B.2: the one-block and the two-block message. */
    @Test
    void standardVectors() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    /** The cloned digests share no state: many threads hashing different texts each get the JDK's own answer. */
    @Test
    void threadsDoNotShareADigest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> checks = IntStream.range(0, 2_000)
                    .mapToObj(i -> pool.submit(() -> {
                        String text = "令牌 " + i;
                        String expected = HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256")
                                        .digest(text.getBytes(StandardCharsets.UTF_8)));
                        return Sha256.hex(text).equals(expected);
                    }))
                    .toList();
            for (Future<Boolean> c : checks) {
                assertThat(c.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }
}
