package org.gridgov.ingestion.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gridgov.common.model.SourceType;

/**
 * Who may post to the intake gateway: one key per source system, each allowed a set of sources. A request proves it
 * holds a key in one of two ways:
 * <ul>
 *   <li>{@code Authorization: GRIDGOV-HMAC-SHA256 client=<id>, timestamp=<unix seconds>, signature=<hex>} with
 *   {@code signature = HMAC-SHA256(key, METHOD \n path \n timestamp \n hex(SHA-256(body)))} and the timestamp within
 *   {@code window} of the gateway's clock: the key never travels, the body cannot be changed in transit;</li>
 *   <li>{@code Authorization: Bearer <key>}: simpler for a client that cannot sign, but the key travels with every
 *   request, so only over TLS.</li>
 * </ul>
 * Keys come from the environment ({@code GRIDGOV_GATEWAY_KEYS}) or a secret file ({@code gateway.keys-file},
 * readable by its owner only), never from git: entries {@code <client-id>=<source>[+<source>...]:<key>}, separated
 * by commas, semicolons or line ends, {@code #} comments; a key has at least {@value #MIN_KEY_LENGTH} characters. Keys
 * are compared in constant time.
 */
public final class IntakeKeys {

    public static final int MIN_KEY_LENGTH = 32;
    public static final String SCHEME = "GRIDGOV-HMAC-SHA256";
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9._-]{1,40})=([a-z+]+):(\\S+)");
    private static final Pattern HMAC_HEADER = Pattern.compile(SCHEME + "\\s+client=([A-Za-z0-9._-]{1,40}),\\s*"
            + "timestamp=(\\d{1,12}),\\s*signature=([0-9a-fA-F]{64})");

    /** A source system's key and the sources it may post. */
    public record Client(String id, byte[] key, Set<SourceType> sources) {
        @Override
        public String toString() {
            return id + " " + sources;
        }
    }

    /**
     * The answer for one request: the client, or the status and reason of the refusal (401 not authenticated, 403
     * authenticated for other sources only).
     */
    public record Verdict(Client client, int status, String reason) {
        public boolean allowed() {
            return client != null && status == 200;
        }
    }

    private final Map<String, Client> clients;
    private final long windowSeconds;
    private final Clock clock;

    private IntakeKeys(Map<String, Client> clients, long windowSeconds, Clock clock) {
        this.clients = Collections.unmodifiableMap(clients);
        this.windowSeconds = windowSeconds;
        this.clock = clock;
    }

    /** No authentication at all: only for a gateway bound to loopback (tests, a laptop). */
    public static IntakeKeys none() {
        return new IntakeKeys(Map.of(), 0, Clock.systemUTC());
    }

    public static IntakeKeys parse(String entries, long windowSeconds, Clock clock) {
        Map<String, Client> clients = new LinkedHashMap<>();
        for (String line : entries.split("[,;\\n\\r]+")) {
            String e = line.strip();
            if (e.isEmpty() || e.startsWith("#")) {
                continue;
            }
            Matcher m = ENTRY.matcher(e);
            if (!m.matches()) {
                throw new IllegalArgumentException("gateway key entry is not <client-id>=<source>[+<source>]:<key>: "
                        + e.substring(0, Math.min(e.length(), e.indexOf('=') < 0 ? 12 : e.indexOf('=') + 1)) + "…");
            }
            String key = m.group(3);
            if (key.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("gateway key of " + m.group(1) + " has " + key.length()
                        + " characters; at least " + MIN_KEY_LENGTH);
            }
            Set<SourceType> sources = EnumSet.noneOf(SourceType.class);
            for (String s : m.group(2).split("\\+")) {
                sources.add(SourceType.ofCode(s));
            }
            Client client = new Client(m.group(1), key.getBytes(StandardCharsets.UTF_8), sources);
            if (clients.put(client.id(), client) != null) {
                throw new IllegalArgumentException("gateway client " + m.group(1) + " has two keys");
            }
        }
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("no gateway keys: set GRIDGOV_GATEWAY_KEYS or gateway.keys-file");
        }
        return new IntakeKeys(clients, windowSeconds, clock);
    }

    /** Reads a key file, refusing one that other users may read (as ssh does with private keys). */
    public static IntakeKeys readFile(Path file, long windowSeconds, Clock clock) {
        try {
            try {
                Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
                if (p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.GROUP_READ)) {
                    throw new IllegalArgumentException(file + " may be read by other users; chmod 600 it");
                }
            } catch (UnsupportedOperationException notPosix) {
                // no POSIX permissions on this file system: the operator's ACLs apply
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), windowSeconds, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gateway keys " + file, e);
        }
    }

    public boolean open() {
        return clients.isEmpty();
    }

    public List<String> clientIds() {
        return new ArrayList<>(clients.keySet());
    }

    /** Checks one request's {@code Authorization} header against the keys, for a POST to {@code path}. */
    public Verdict check(String method, String path, String authorization, SourceType source, byte[] body) {
        if (open()) {
            return new Verdict(new Client("anonymous", new byte[0], EnumSet.allOf(SourceType.class)), 200, null);
        }
        if (authorization == null || authorization.isBlank()) {
            return refused(401, "missing Authorization: sign the request (" + SCHEME + ") or send a Bearer key");
        }
        Optional<Client> client;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
            client = clients.values().stream()
                    .filter(c -> MessageDigest.isEqual(c.key(), presented))
                    .findFirst();
            if (client.isEmpty()) {
                return refused(401, "unknown key");
            }
        } else {
            Matcher m = HMAC_HEADER.matcher(authorization.strip());
            if (!m.matches()) {
                return refused(
                        401,
                        "Authorization is neither Bearer nor " + SCHEME + " client=…, timestamp=…," + " signature=…");
            }
            Client c = clients.get(m.group(1));
            if (c == null) {
                return refused(401, "unknown client");
            }
            long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(m.group(2)));
            if (skew > windowSeconds) {
                return refused(
                        401,
                        "timestamp " + skew + " s away from the gateway's clock (at most " + windowSeconds + " s)");
            }
            byte[] expected =
                    HexFormat.of().parseHex(signature(c.key(), method, path, Long.parseLong(m.group(2)), body));
            if (!MessageDigest.isEqual(
                    expected, HexFormat.of().parseHex(m.group(3).toLowerCase(Locale.ROOT)))) {
                return refused(401, "signature does not match the request");
            }
            client = Optional.of(c);
        }
        if (source != null && !client.get().sources().contains(source)) {
            return new Verdict(
                    null,
                    403,
                    "client " + client.get().id() + " may post "
                            + client.get().sources().stream()
                                    .map(SourceType::code)
                                    .toList() + ", not " + source.code());
        }
        return new Verdict(client.get(), 200, null);
    }

    /** What a client signs: the hex HMAC-SHA256 of method, path, timestamp and the body's SHA-256. */
    public static String signature(byte[] key, String method, String path, long timestamp, byte[] body) {
        try {
            String canonical = method.toUpperCase(Locale.ROOT) + "\n" + path + "\n" + timestamp + "\n"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** The header a client sends: {@code GRIDGOV-HMAC-SHA256 client=…, timestamp=…, signature=…}. */
    public static String authorization(
            String clientId, String key, String method, String path, long timestamp, byte[] body) {
        return SCHEME + " client=" + clientId + ", timestamp=" + timestamp + ", signature="
                + signature(key.getBytes(StandardCharsets.UTF_8), method, path, timestamp, body);
    }

    private static Verdict refused(int status, String reason) {
        return new Verdict(null, status, reason);
    }
}
