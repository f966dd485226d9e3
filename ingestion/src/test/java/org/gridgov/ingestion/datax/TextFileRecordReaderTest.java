package org.gridgov.ingestion.datax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file reader turns every line into a record, a rejection with a reason, or a counted blank line. */
class TextFileRecordReaderTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private static DataxJob.TxtFileReader spec(
            String encoding, char delimiter, boolean header, boolean quotes, String compress, int columns) {
        List<DataxJob.Column> cols = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            cols.add(new DataxJob.Column(i, null, "string", null));
        }
        return new DataxJob.TxtFileReader(List.of("unused"), encoding, delimiter, header, "", quotes, compress, cols);
    }

    private static DataxJob.TxtFileReader csv(int columns) {
        return spec("UTF-8", ',', true, true, "", columns);
    }

    private List<InputRecord> read(DataxJob.TxtFileReader spec, byte[] content) throws IOException {
        return read(spec, content, 1 << 20).records;
    }

    private record Read(List<InputRecord> records, String notes, String sha256) {}

    private Read read(DataxJob.TxtFileReader spec, byte[] content, int maxLine) throws IOException {
        Path f = dir.resolve("export.csv");
        Files.write(f, content);
        List<InputRecord> out = new ArrayList<>();
        try (TextFileRecordReader r = new TextFileRecordReader(f, spec, maxLine)) {
            InputRecord rec;
            while ((rec = r.next()) != null) {
                out.add(rec);
            }
            return new Read(out, r.notes(), r.sha256());
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsQuotedCellsWithDelimitersQuotesAndLineBreaks() throws IOException {
        List<InputRecord> rs = read(
                csv(3), utf8("id,text,n\n" + "A1,\"楼上噪音, 晚上\"\"很吵\"\"\",3\n" + "A2,\"第一行\n第二行\",4\n" + "A3,plain,5\n"));
        assertThat(rs).hasSize(3).allSatisfy(r -> assertThat(r.readError()).isNull());
        assertThat(rs.get(0).cells()).containsExactly("A1", "楼上噪音, 晚上\"很吵\"", "3");
        assertThat(rs.get(1).cells()[1]).isEqualTo("第一行\n第二行");
        assertThat(rs.get(1).line()).isEqualTo(3);
        assertThat(rs.get(2).line()).isEqualTo(5);
        assertThat(rs.get(2).position()).isEqualTo("export.csv:5");
    }

    @Test
    void gbkFileReadAsUtf8RejectsEveryChineseLineWithTheEncodingAsReason() throws IOException {
        Read r = read(csv(2), "编号,内容\nB1,楼道堆放杂物\nB2,plain ascii\n".getBytes(GBK), 1 << 20);
        assertThat(r.records()).hasSize(2);
        assertThat(r.records().get(0).readError().reason())
                .contains("not valid UTF-8")
                .contains("GBK");
        assertThat(r.records().get(1).readError()).isNull();
        assertThat(r.notes()).contains("header line is not valid UTF-8");
    }

    @Test
    void utf8FileDeclaredAsGbkIsRejectedRatherThanLoadedAsMojibake() throws IOException {
        List<InputRecord> rs = read(spec("GBK", ',', false, true, "", 2), utf8("C1,小区垃圾无人清运\n"));
        assertThat(rs.get(0).readError().reason()).contains("is UTF-8 but the job declares GBK");
    }

    @Test
    void gbkFileDeclaredAsGbkReadsChineseText() throws IOException {
        List<InputRecord> rs = read(spec("GBK", ',', false, true, "", 2), "C1,小区垃圾无人清运\n".getBytes(GBK));
        assertThat(rs.get(0).cells()).containsExactly("C1", "小区垃圾无人清运");
    }

    @Test
    void missingAndExtraColumnsAreRejectedWithTheCounts() throws IOException {
        List<InputRecord> rs = read(csv(3), utf8("a,b,c\n1,2\n1,2,3,4\n1,2,3\n"));
        assertThat(rs.get(0).readError().reason()).isEqualTo("expected 3 columns, got 2 (missing columns)");
        assertThat(rs.get(1).readError().reason()).startsWith("expected 3 columns, got 4 (extra columns");
        assertThat(rs.get(2).readError()).isNull();
    }

    @Test
    void truncatedLastLineIsNamedAsSuch() throws IOException {
        List<InputRecord> rs = read(csv(3), utf8("a,b,c\n1,2,3\n4,5"));
        assertThat(rs).hasSize(2);
        assertThat(rs.get(1).readError().reason()).startsWith("truncated last line: no line end and only 2 of 3");
        assertThat(rs.get(1).line()).isEqualTo(3);
    }

    @Test
    void lastLineWithoutLineEndButAllColumnsIsFine() throws IOException {
        List<InputRecord> rs = read(csv(3), utf8("a,b,c\n1,2,3"));
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.cells()).containsExactly("1", "2", "3"));
    }

    @Test
    void quoteCutOffAtTheEndOfTheFileIsATruncatedLastLine() throws IOException {
        List<InputRecord> rs = read(csv(3), utf8("a,b,c\n1,\"text that was cu"));
        assertThat(rs.get(0).readError().reason()).startsWith("truncated last line: quoted field is not closed");
    }

    @Test
    void aStrayQuoteCostsOneLineOnlyAndTheFollowingLinesAreReadOnTheirOwn() throws IOException {
        List<InputRecord> rs = read(csv(3), utf8("a,b,c\n1,\"oops,3\n2,ok,4\n3,ok,5\n"));
        assertThat(rs).hasSize(3);
        assertThat(rs.get(0).readError().reason()).contains("quoted field opened in line 2 is not closed");
        assertThat(rs.get(1).cells()).containsExactly("2", "ok", "4");
        assertThat(rs.get(1).line()).isEqualTo(3);
        assertThat(rs.get(2).line()).isEqualTo(4);
    }

    @Test
    void textAfterAClosingQuoteIsAnError() throws IOException {
        List<InputRecord> rs = read(csv(3), utf8("a,b,c\n1,\"x\"y,3\n"));
        assertThat(rs.get(0).readError().reason()).contains("text after the closing quote of column 2");
    }

    @Test
    void emptyFileAndHeaderOnlyFileHaveNoRecordsAndSaySo() throws IOException {
        Read empty = read(csv(3), new byte[0], 1 << 20);
        assertThat(empty.records()).isEmpty();
        assertThat(empty.notes()).contains("empty file (0 bytes)");
        Read headerOnly = read(csv(3), utf8("a,b,c\n"), 1 << 20);
        assertThat(headerOnly.records()).isEmpty();
        assertThat(headerOnly.notes()).contains("header only");
    }

    @Test
    void blankLinesAreSkippedAndCounted() throws IOException {
        Read r = read(csv(3), utf8("a,b,c\n1,2,3\n\n   \n4,5,6\n"), 1 << 20);
        assertThat(r.records()).hasSize(2);
        assertThat(r.records().get(1).line()).isEqualTo(5);
        assertThat(r.notes()).contains("2 blank lines skipped");
    }

    @Test
    void anOversizedLineIsRejectedWithoutBufferingItAndTheNextLineIsRead() throws IOException {
        String big = "1," + "x".repeat(5000) + ",3\n";
        Read r = read(csv(3), utf8("a,b,c\n" + big + "2,y,4\n"), 1000);
        assertThat(r.records()).hasSize(2);
        assertThat(r.records().get(0).readError().reason()).contains("longer than the 1000 bytes");
        assertThat(r.records().get(0).payload().length()).isLessThanOrEqualTo(2001);
        assertThat(r.records().get(1).cells()).containsExactly("2", "y", "4");
    }

    @Test
    void crlfLineEndsByteOrderMarkAndNullFormatAreHandled() throws IOException {
        byte[] body = utf8("a,b,c\r\n1,,3\r\n");
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        List<InputRecord> rs = read(csv(3), withBom);
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.cells()).containsExactly("1", null, "3"));
    }

    @Test
    void tsvWithoutTextQualifiersKeepsQuotesAsText() throws IOException {
        List<InputRecord> rs = read(spec("UTF-8", '\t', false, false, "", 2), utf8("1\t他说\"不行\"\n"));
        assertThat(rs.get(0).cells()).containsExactly("1", "他说\"不行\"");
    }

    @Test
    void gzipFilesAreReadAndTheirChecksumIsOfTheFileAsStored() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(utf8("a,b\n1,2\n"));
        }
        Read r = read(spec("UTF-8", ',', true, true, "gzip", 2), bytes.toByteArray(), 1 << 20);
        assertThat(r.records()).singleElement().satisfies(x -> assertThat(x.cells())
                .containsExactly("1", "2"));
        assertThat(r.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(bytes.toByteArray())));
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
