package org.gridgov.ingestion.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridgov.common.model.SourceType;
import org.gridgov.common.validation.IdCardNumber;
import org.gridgov.ingestion.datax.DataxJob;
import org.gridgov.simulator.testing.GeneratedRecords;

/**
 * Seeded malformed exports of the 12345 platform ({@code hotline_txtfile} layout): one file per kind of bad input,
 * nine of ten rows broken in that way and every tenth row valid, plus truncated and empty files. Every case says what
 * its rejections must mention. The same seed writes the same bytes.
 */
public final class FuzzCorpus {

    /** A kind of bad input, with the words its dead letters must contain. */
    public enum Case {
        WRONG_ENCODING("not valid UTF-8"),
        MISSING_COLUMNS("missing columns"),
        EXTRA_COLUMNS("extra columns"),
        MALFORMED_DATE("expected a time"),
        MALFORMED_NUMBER("expected a"),
        BAD_ID_CHECKSUM("invalid ID card number"),
        OUTSIDE_DISTRICT("outside 历城区"),
        OVERSIZED_TEXT("longer than"),
        STRAY_QUOTE("not closed"),
        UNKNOWN_ENUM("is not one of"),
        BAD_PHONE("invalid phone number"),
        TWO_DEFECTS("; "),
        DUPLICATE(""),
        TRUNCATED_LAST_LINE("truncated last line"),
        EMPTY_FILE("");

        public final String reasonFragment;

        Case(String reasonFragment) {
            this.reasonFragment = reasonFragment;
        }
    }

    /** One file of the corpus and what loading it must give. */
    public record FileSpec(Path file, Case kind, long records, long rejected, long duplicates, long distinctValid) {}

    /** Indices of the hotline_txtfile export columns. */
    private static final int CASE_ID = 0;

    private static final int ACCEPT_TIME = 1;
    private static final int CHANNEL = 2;
    private static final int CONTENT = 4;
    private static final int PHONE = 6;
    private static final int ID_CARD = 7;
    private static final int LATITUDE = 8;
    private static final int LONGITUDE = 9;
    private static final int ADDRESS = 10;
    private static final int STATUS = 13;
    private static final int SATISFACTION = 16;
    private static final int WIDTH = 17;
    private static final String HEADER = "case_id,accept_time,channel,category_code,content,caller_name,caller_phone,"
            + "caller_id_card,latitude,longitude,address,department,deadline,status,reply_time,close_time,satisfaction";
    private static final String[] FIELDS = HEADER.split(",");

    private final SplittableRandom random;
    private final List<JsonNode> base;
    private final Set<String> clearPii = new HashSet<>();
    private int next;

    public FuzzCorpus(long seed) {
        this.random = new SplittableRandom(seed);
        this.base = GeneratedRecords.clean(12_000).parsed(SourceType.HOTLINE);
        for (JsonNode r : base) {
            for (String f : List.of("caller_phone", "caller_id_card")) {
                if (r.hasNonNull(f)) {
                    clearPii.add(r.get(f).asText());
                }
            }
        }
    }

    /** The valid ID-card and phone numbers the corpus is built from: none may appear in clear in the warehouse. */
    public Set<String> clearPii() {
        return clearPii;
    }

    /**
     * Writes the corpus into {@code dir}: for each row-level case {@code rowsPerCase} rows, {@code truncatedFiles}
     * files of 20 rows whose last line is cut off, and empty and header-only files.
     */
    public List<FileSpec> write(Path dir, int rowsPerCase, int truncatedFiles) throws IOException {
        Files.createDirectories(dir);
        List<FileSpec> specs = new ArrayList<>();
        for (Case c : Case.values()) {
            if (c == Case.TRUNCATED_LAST_LINE || c == Case.EMPTY_FILE) {
                continue;
            }
            specs.add(rowFile(dir, c, rowsPerCase));
        }
        for (int i = 0; i < truncatedFiles; i++) {
            specs.add(truncatedFile(dir, i));
        }
        Path empty = dir.resolve("empty_0bytes.csv");
        Files.write(empty, new byte[0]);
        specs.add(new FileSpec(empty, Case.EMPTY_FILE, 0, 0, 0, 0));
        Path headerOnly = dir.resolve("empty_header_only.csv");
        Files.writeString(headerOnly, HEADER + "\n", StandardCharsets.UTF_8);
        specs.add(new FileSpec(headerOnly, Case.EMPTY_FILE, 0, 0, 0, 0));
        return specs;
    }

    private FileSpec rowFile(Path dir, Case c, int rows) throws IOException {
        Path file = dir.resolve(c.name().toLowerCase() + ".csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        long rejected = 0;
        long duplicates = 0;
        long records = 0;
        long distinct = 0;
        for (int i = 0; i < rows; i++) {
            String[] cells = validRow(c);
            boolean valid = i % 10 == 0;
            if (c == Case.DUPLICATE) {
                out.writeBytes(line(cells, StandardCharsets.UTF_8));
                out.writeBytes(line(cells, StandardCharsets.UTF_8));
                records += 2;
                duplicates++;
                distinct++;
                continue;
            }
            records++;
            if (valid) {
                distinct++;
                out.writeBytes(line(cells, StandardCharsets.UTF_8));
                continue;
            }
            rejected++;
            out.writeBytes(broken(c, cells));
        }
        Files.write(file, out.toByteArray());
        return new FileSpec(file, c, records, rejected, duplicates, distinct);
    }

    private FileSpec truncatedFile(Path dir, int n) throws IOException {
        Path file = dir.resolve(String.format("truncated_%03d.csv", n));
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 19; i++) {
            sb.append(new String(
                    line(validRow(Case.TRUNCATED_LAST_LINE), StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        String last =
                new String(line(validRow(Case.TRUNCATED_LAST_LINE), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        // cut inside the first two thirds: always before the last column separator, never at a clean row end
        int commas = 0;
        int cut = 0;
        for (int i = 0; i < last.length(); i++) {
            if (last.charAt(i) == ',' && ++commas == 1 + random.nextInt(12)) {
                cut = i;
                break;
            }
        }
        sb.append(last, 0, Math.max(cut, 5));
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return new FileSpec(file, Case.TRUNCATED_LAST_LINE, 20, 1, 0, 19);
    }

    /** A valid hotline row with a case id unique to this corpus. */
    private String[] validRow(Case c) {
        JsonNode r = base.get(next % base.size());
        String[] cells = new String[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            JsonNode v = r.get(FIELDS[i]);
            cells[i] = v == null || v.isNull()
                    ? ""
                    : v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
        }
        cells[CASE_ID] = cells[CASE_ID] + "-F" + c.ordinal() + "-" + (next++);
        return cells;
    }

    private byte[] broken(Case c, String[] cells) {
        switch (c) {
            case WRONG_ENCODING -> {
                cells[CONTENT] = "居民反映小区路灯损坏" + cells[CONTENT];
                return line(cells, Charset.forName("GBK"));
            }
            case MISSING_COLUMNS -> {
                return line(drop(cells, 1 + random.nextInt(3)), StandardCharsets.UTF_8);
            }
            case EXTRA_COLUMNS -> {
                String[] more = java.util.Arrays.copyOf(cells, WIDTH + 1 + random.nextInt(2));
                for (int i = WIDTH; i < more.length; i++) {
                    more[i] = "多余" + i;
                }
                return line(more, StandardCharsets.UTF_8);
            }
            case MALFORMED_DATE ->
                cells[ACCEPT_TIME] = pick(
                        "2024-13-45 25:61:00",
                        "2024-02-30 10:00:00",
                        "2024/01/15",
                        "15.01.2024 09:30",
                        "昨天下午",
                        "2024-01-15 24:00:01",
                        "0000-00-00 00:00:00");
            case MALFORMED_NUMBER -> {
                if (random.nextBoolean()) {
                    cells[LATITUDE] = pick("36,69", "N/A", "三十六点六", "36.6.1", "1e");
                } else {
                    cells[SATISFACTION] = pick("五", "4.5", "满意", "--");
                }
            }
            case BAD_ID_CHECKSUM -> cells[ID_CARD] = wrongCheck(cells[ID_CARD]);
            case OUTSIDE_DISTRICT -> {
                String[] place = pick(new String[][] {
                    {"39.9", "116.4"}, {"0", "0"}, {"36.44", "117.2"}, {"36.6", "117.41"}, {"-36.6", "117.2"}
                });
                cells[LATITUDE] = place[0];
                cells[LONGITUDE] = place[1];
            }
            case OVERSIZED_TEXT -> {
                if (random.nextBoolean()) {
                    cells[CONTENT] = "反映问题".repeat(501 + random.nextInt(200));
                } else {
                    cells[ADDRESS] = "济南市历城区".repeat(34 + random.nextInt(10));
                }
            }
            case STRAY_QUOTE -> {
                String q = line(cells, StandardCharsets.UTF_8).length > 0
                        ? new String(line(cells, StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                        : "";
                int comma = q.indexOf(',', q.indexOf(',') + 1);
                return (q.substring(0, comma + 1) + "\"" + q.substring(comma + 1)).getBytes(StandardCharsets.UTF_8);
            }
            case UNKNOWN_ENUM -> {
                if (random.nextBoolean()) {
                    cells[CHANNEL] = pick("传真", "FAX", "短信");
                } else {
                    cells[STATUS] = pick("处理中", "PENDING", "已作废");
                }
            }
            case BAD_PHONE ->
                cells[PHONE] = pick("1385311234", "12012345678", "138-5311-23456", "电话13853", "+1 555 0100");
            case TWO_DEFECTS -> {
                cells[ID_CARD] = wrongCheck(cells[ID_CARD]);
                cells[LATITUDE] = "39.9";
                cells[LONGITUDE] = "116.4";
            }
            default -> throw new IllegalStateException("not a row-level case: " + c);
        }
        return line(cells, StandardCharsets.UTF_8);
    }

    private String wrongCheck(String idCard) {
        String id = idCard == null || idCard.isEmpty()
                ? IdCardNumber.of(
                        "370112",
                        java.time.LocalDate.of(1970, 1, 1).plusDays(random.nextInt(15000)),
                        random.nextInt(1000))
                : idCard;
        String checks = "0123456789X";
        int right = checks.indexOf(IdCardNumber.checkChar(id.substring(0, 17)));
        return id.substring(0, 17) + checks.charAt((right + 1 + random.nextInt(10)) % 11);
    }

    private String[] drop(String[] cells, int n) {
        List<String> l = new ArrayList<>(List.of(cells));
        for (int i = 0; i < n; i++) {
            l.remove(1 + random.nextInt(l.size() - 1));
        }
        return l.toArray(String[]::new);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static byte[] line(String[] cells, Charset charset) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells[i] == null ? "" : cells[i];
            boolean quote = c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0;
            sb.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        return sb.append('\n').toString().getBytes(charset);
    }

    /** The job that reads the corpus: hotline_txtfile over every {@code *.csv} of the directory. */
    public static DataxJob job(Path dir) {
        return Jobs.load(
                "hotline_txtfile",
                java.util.Map.of("input_path", dir.resolve("*.csv").toString()));
    }
}
