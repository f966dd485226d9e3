package org.gridgov.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.gridgov.common.io.Tsv;
import org.junit.jupiter.api.Test;

/**
 * {@link PersonalDataRedactor} over a corpus of tricky texts ({@code gridgov/nlp/redaction-corpus.tsv}: what must be
 * gone, what must stay), the shapes the public output is checked for, and the governance vocabulary it must not eat.
 */
class PersonalDataRedactorTest {

    static final String CORPUS = "gridgov/nlp/redaction-corpus.tsv";
    /** What a personal-data scan of public output looks for (the case service's checks use the same shapes). */
    static final List<Pattern> LEAKS = List.of(
            Pattern.compile("(?<!\\d)1[3-9]\\d(?:[\\s-]?\\d){8}(?!\\d)"),
            Pattern.compile("(?<!\\d)0\\d{2,3}[\\s-]?\\d{7,8}(?!\\d)"),
            Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?![\\dXx])"),
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
            Pattern.compile("\\d+号楼|\\d+单元|\\d+室"),
            Pattern.compile("[王李张刘陈杨黄赵吴周](先生|女士|师傅)"));

    @Test
    void everyLineOfTheCorpusLosesItsPersonalDataAndKeepsItsMatter() {
        List<Map<String, String>> rows = Tsv.read(CORPUS);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(60);
        List<String> problems = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String in = row.get("text");
            String out = PersonalDataRedactor.redact(in);
            for (String gone : list(row.get("gone"))) {
                if (out.contains(gone)) {
                    problems.add("kept '" + gone + "': " + in + " → " + out);
                }
            }
            for (String kept : list(row.get("kept"))) {
                if (!out.contains(kept)) {
                    problems.add("lost '" + kept + "': " + in + " → " + out);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theIssuesExampleKeepsTheCommunityAndLosesTheDoorAndTheName() {
        assertThat(PersonalDataRedactor.redact("山大路街道山大路社区12号楼2单元301室 王建国家")).isEqualTo("山大路街道山大路社区【门牌】 某某家");
        assertThat(PersonalDataRedactor.redact("王先生（13912345678）反映")).isEqualTo("某先生（【电话】）反映");
    }

    @Test
    void fullWidthTextKeepsItsOwnPunctuation() {
        assertThat(PersonalDataRedactor.redact("电话：１３８１２３４５６７８，谢谢。")).isEqualTo("电话：【电话】，谢谢。");
    }

    @Test
    void noLeakShapeSurvivesTheCorpus() {
        for (Map<String, String> row : Tsv.read(CORPUS)) {
            String out = PersonalDataRedactor.redact(row.get("text"));
            for (Pattern leak : LEAKS) {
                assertThat(leak.matcher(out).find()).as(leak + " in " + out).isFalse();
            }
        }
    }

    @Test
    void complaintTemplatesKeepTheirWordsExceptPersonalData() {
        // the classifier's training texts are filled with district places, roads and companies: none is a person
        int changed = 0;
        List<String> samples = TemplateCorpus.standard().fill(4, 7L).stream()
                .map(LabeledText::text)
                .limit(800)
                .toList();
        for (String text : samples) {
            String out = PersonalDataRedactor.redact(text);
            if (!out.equals(text)) {
                changed++;
                System.out.println("  " + text + " → " + out);
            }
            for (String place : DomainDictionary.get().words()) {
                if (place.length() >= 3
                        && text.contains(place)
                        && DomainDictionary.PLACE.equals(DomainDictionary.get().nature(place))) {
                    assertThat(out).as(text).contains(place);
                }
            }
        }
        System.out.printf("redactor changed %d of %d complaint templates%n", changed, samples.size());
        // they hold no personal data: every change is a false positive (none at the time of writing)
        assertThat(changed).isLessThanOrEqualTo(samples.size() / 100);
    }

    @Test
    void nullAndEmptyPassThroughAndThreadsAgree() throws Exception {
        assertThat(PersonalDataRedactor.redact(null)).isNull();
        assertThat(PersonalDataRedactor.redact("")).isEmpty();
        List<Map<String, String>> rows = Tsv.read(CORPUS);
        List<String> expected = rows.stream()
                .map(r -> PersonalDataRedactor.redact(r.get("text")))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> rows.stream()
                        .map(r -> PersonalDataRedactor.redact(r.get("text")))
                        .toList()));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> list(String cell) {
        return cell == null || cell.isBlank() || cell.strip().equals("-")
                ? List.of()
                : Arrays.stream(cell.split("\\|"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
