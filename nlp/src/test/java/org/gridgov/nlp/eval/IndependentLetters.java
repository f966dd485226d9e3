package org.gridgov.nlp.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The independent test set's generator. It shares nothing with the training corpus's generator (nlp's
 * {@code corpus.TrainingLetters}) but the names of the first-level classes: its own scenarios
 * ({@code eval/scenarios.tsv}: concrete events in full sentences, written apart from the lexicon), its own sentence
 * frames ({@code eval/voices.tsv}), its own way of anonymising places and of joining sentences, and
 * {@link java.util.Random} instead of the training side's SplittableRandom. A letter combines one to three scenarios of
 * its class, and sometimes a remark about another class's matter, as real letters do.
 *
 * <p>Plain file reading (no project helpers), so that the measuring code does not depend on what it measures.
 */
public final class IndependentLetters {

    /** One test letter: its gold first-level class, an optional subject line and the text. */
    public record TestLetter(String level1, String subject, String text, String source) {}

    static final String SCENARIOS = "gridgov/nlp/eval/scenarios.tsv";
    static final String VOICES = "gridgov/nlp/eval/voices.tsv";
    static final String HANDWRITTEN = "gridgov/nlp/eval/handwritten.tsv";

    private static final String[] CITY_CODES = {"A", "B", "C", "D", "K", "L", "M", "N", "P", "Q"};
    private static final String[] SPOTS = {
        "幸福里", "和平路", "建设街", "阳光城", "东风村", "西湖镇", "南关", "北园", "翠苑", "锦绣家园", "朝阳社区", "开发区"
    };
    private static final String[] WHO = {"退休工人", "上班族", "个体户", "外来务工人员", "孩子的家长", "普通市民", "老党员", "大学生", "农民"};
    private static final String[] WHEN = {"前年秋天", "今年开春", "上个星期", "三个月前", "去年十月份", "这几年", "年初", "疫情以后"};

    private final Map<String, List<String>> scenarios;
    private final Map<String, List<String>> voices;

    private IndependentLetters(Map<String, List<String>> scenarios, Map<String, List<String>> voices) {
        this.scenarios = scenarios;
        this.voices = voices;
    }

    public static IndependentLetters standard() {
        return new IndependentLetters(table(SCENARIOS), table(VOICES));
    }

    /** First-level class names in file order. */
    public List<String> classes() {
        return List.copyOf(scenarios.keySet());
    }

    /**
     * For each class, {@code perScenario} generated letters per scenario it has but at most {@code maxPerClass}; then
     * the hand-written letters. Same seed, same set.
     */
    public List<TestLetter> letters(int maxPerClass, int perScenario, long seed) {
        Random r = new Random(seed);
        List<TestLetter> out = new ArrayList<>();
        List<String> names = classes();
        for (String name : names) {
            List<String> own = scenarios.get(name);
            int n = Math.min(maxPerClass, perScenario * own.size());
            for (int i = 0; i < n; i++) {
                String other = names.get(r.nextInt(names.size()));
                String aside = other.equals(name) || r.nextDouble() > 0.2 ? null : pick(scenarios.get(other), r);
                out.add(compose(name, own, aside, r));
            }
        }
        out.addAll(handwritten());
        return out;
    }

    /** The letters written by hand, one per line of {@code eval/handwritten.tsv}. */
    public static List<TestLetter> handwritten() {
        List<TestLetter> out = new ArrayList<>();
        for (String[] row : rows(HANDWRITTEN)) {
            out.add(new TestLetter(row[0], row[1], row[2].replace("\\n", "\n"), "handwritten"));
        }
        return out;
    }

    private TestLetter compose(String name, List<String> own, String aside, Random r) {
        String place = place(r);
        String who = WHO[r.nextInt(WHO.length)];
        List<String> facts = new ArrayList<>();
        int k = 1 + r.nextInt(3);
        for (int i = 0; i < k; i++) {
            String s = pick(own, r);
            if (!facts.contains(s)) {
                facts.add(s);
            }
        }
        List<String> sentences = new ArrayList<>();
        String subject = "";
        if (r.nextInt(5) == 0) {
            // a hotline work order: one line, no letter around it
            sentences.add(fill(pick(voices.get("note"), r), facts.get(0), place, who, r));
        } else {
            if (r.nextBoolean()) {
                subject = r.nextBoolean()
                        ? fill(pick(voices.get("subject"), r), "", place, who, r)
                        : shorten(facts.get(0));
            }
            maybe(sentences, "open", 0.7, place, who, r);
            maybe(sentences, "self", 0.5, place, who, r);
            sentences.add(fill(pick(voices.get("when"), r), facts.get(0), place, who, r));
            for (int i = 1; i < facts.size(); i++) {
                sentences.add(fill(pick(voices.get("detail"), r), facts.get(i), place, who, r));
            }
            maybe(sentences, "tried", 0.5, place, who, r);
            if (aside != null) {
                sentences.add(fill(pick(voices.get("aside"), r), aside, place, who, r));
            }
            for (int i = r.nextInt(3); i > 0; i--) {
                maybe(sentences, "ask", 1.0, place, who, r);
            }
            maybe(sentences, "want", 0.6, place, who, r);
            maybe(sentences, "close", 0.6, place, who, r);
            maybe(sentences, "sign", 0.3, place, who, r);
        }
        String separator = r.nextInt(3) == 0 ? "\n" : "";
        return new TestLetter(name, subject, String.join(separator, sentences), "generated");
    }

    /** A subject cut from the first fact, as people title their messages with their problem. */
    private static String shorten(String fact) {
        int comma = fact.indexOf('，');
        String head = comma > 0 ? fact.substring(0, comma) : fact;
        return head.length() > 24 ? head.substring(0, 24) : head;
    }

    private void maybe(List<String> sentences, String part, double p, String place, String who, Random r) {
        if (r.nextDouble() < p) {
            sentences.add(fill(pick(voices.get(part), r), "", place, who, r));
        }
    }

    private static String fill(String voice, String scenario, String place, String who, Random r) {
        return voice.replace("{s}", scenario)
                .replace("{place}", place)
                .replace("{who}", who)
                .replace("{years}", String.valueOf(3 + r.nextInt(30)))
                .replace("{n}", String.valueOf(3 + r.nextInt(10)))
                .replace("{t}", WHEN[r.nextInt(WHEN.length)]);
    }

    /** Places as published letters anonymise them: Ａ市, K3县, B市C2区幸福里, XX县朝阳社区. */
    private static String place(Random r) {
        String code = CITY_CODES[r.nextInt(CITY_CODES.length)];
        return switch (r.nextInt(5)) {
            case 0 -> code + "市";
            case 1 ->
                code + "市" + CITY_CODES[r.nextInt(CITY_CODES.length)] + (1 + r.nextInt(12)) + "区"
                        + SPOTS[r.nextInt(SPOTS.length)];
            case 2 -> code + (1 + r.nextInt(12)) + "县" + SPOTS[r.nextInt(SPOTS.length)];
            case 3 -> "XX县" + SPOTS[r.nextInt(SPOTS.length)];
            default -> SPOTS[r.nextInt(SPOTS.length)];
        };
    }

    private static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }

    private static Map<String, List<String>> table(String resource) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String[] row : rows(resource)) {
            out.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
        return out;
    }

    /** Tab-separated lines after the header, '#' lines skipped. */
    private static List<String[]> rows(String resource) {
        InputStream in = IndependentLetters.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
