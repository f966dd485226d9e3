package org.gridgov.nlp.corpus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.common.district.Category;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.io.Tsv;
import org.gridgov.nlp.CategoryLexicon;
import org.gridgov.nlp.LabeledText;

/**
 * The training corpus: letters, web messages, hotline notes and questions written from the lexicon's words and issue
 * phrases in the sentence frames of {@code gridgov/nlp/corpus/training_frames.tsv}. Each text mixes what every letter
 * says whatever it is about (salutations, 政策, 规定, 领导, 补助, complaints about being passed around) with its
 * category's words, so the model learns that the boilerplate says nothing; a quarter mention a second topic in
 * passing, some never name the problem directly, places are anonymised codes as in published letters.
 *
 * <p>The independent test set is written by different code with different frames and vocabulary (nlp's test
 * sources); nothing here is tuned on it. Same seed, same corpus.
 *
 * <p>{@link Part} splits every word list and frame list in two (one item in five, by a hash of the item): a model
 * trained on {@link Part#TRAINING} texts and checked on {@link Part#HELD_OUT} texts meets words and sentences it never
 * saw, as it will in real letters. That is the validation the temperatures and the training settings are chosen on.
 */
public final class TrainingLetters {

    /** Seed of the corpus the shipped model is trained on. */
    public static final long SEED = 20250601L;
    /** Texts per first-level class are this × √(its categories): broad classes get more, none is drowned. */
    public static final int BASE_PER_LEVEL1 = 260;

    static final String FRAMES = "gridgov/nlp/corpus/training_frames.tsv";

    /** Which items of every list a text may use. */
    public enum Part {
        ALL,
        TRAINING,
        HELD_OUT
    }

    enum Kind {
        SUBJECT,
        SALUTATION,
        INTRO,
        BACKGROUND,
        COMPLAINT,
        INDIRECT,
        IMPACT,
        HISTORY,
        QUESTION,
        DEMAND,
        CLOSING,
        SIGNATURE,
        CALL,
        SIDE,
        FILLER
    }

    private enum Style {
        LETTER,
        WEB,
        CALL,
        QUESTION
    }

    private static final String[] CODE_LETTERS = {"A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M"};
    private static final String[] PLACE_HEADS = {
        "青山", "石桥", "桃园", "柳河", "清泉", "龙泉", "凤凰", "金湖", "新华", "东关", "西城", "南湖", "北辰", "冷水", "白沙", "红星", "长岭", "黄土",
        "杨家", "李庄", "马坊", "高新", "望江", "梨树"
    };
    private static final String[] NEIGHBOURHOODS = {"小区", "花园", "家园", "新村", "公寓", "雅苑", "名都", "安置区"};
    private static final String[] GENERIC_ORGS = {
        "有关部门", "相关部门", "社区", "街道办", "镇政府", "村委会", "区里", "县里", "市里", "主管部门", "当地政府"
    };
    private static final String[] GENERIC_ROLES = {"市民", "居民", "群众", "老百姓", "网友"};
    private static final String[] TIMES = {
        "去年冬天", "今年三月", "前几天", "上个月", "从去年开始", "这两年", "春节前后", "今年以来", "去年年底", "最近一段时间", "前年", "开学以后", "入冬以来", "今年夏天"
    };
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};
    private static final String[] PARTICLES = {"", "", "", "啊", "呢", "吧", "呀"};

    private final CategoryCatalog catalog;
    private final CategoryLexicon lexicon;
    private final Map<Kind, List<String>> frames;

    TrainingLetters(CategoryCatalog catalog, CategoryLexicon lexicon, Map<Kind, List<String>> frames) {
        this.catalog = catalog;
        this.lexicon = lexicon;
        this.frames = frames;
    }

    public static TrainingLetters standard() {
        Map<Kind, List<String>> frames = new EnumMap<>(Kind.class);
        for (Map<String, String> row : Tsv.read(FRAMES)) {
            frames.computeIfAbsent(Kind.valueOf(row.get("kind").strip().toUpperCase()), k -> new ArrayList<>())
                    .add(row.get("frame").strip());
        }
        for (Kind k : Kind.values()) {
            if (!frames.containsKey(k)) {
                throw new IllegalStateException(FRAMES + " has no " + k.name().toLowerCase() + " frames");
            }
        }
        return new TrainingLetters(CategoryCatalog.standard(), CategoryLexicon.standard(), frames);
    }

    /** The shipped corpus: {@link #BASE_PER_LEVEL1}, {@link #SEED}. */
    public List<LabeledText> generate() {
        return generate(BASE_PER_LEVEL1, SEED);
    }

    /** Texts labelled with active category codes, grouped by class in catalogue order. */
    public List<LabeledText> generate(int basePerLevel1, long seed) {
        return generate(basePerLevel1, seed, Part.ALL);
    }

    /** Texts written only from the items of {@code part} (see {@link Part}). */
    public List<LabeledText> generate(int basePerLevel1, long seed, Part part) {
        Map<String, List<Category>> byLevel1 = new LinkedHashMap<>();
        for (Category c : catalog.active()) {
            byLevel1.computeIfAbsent(c.parentCode(), k -> new ArrayList<>()).add(c);
        }
        List<Category> all = catalog.active();
        SplittableRandom r = new SplittableRandom(seed);
        List<LabeledText> out = new ArrayList<>();
        for (List<Category> group : byLevel1.values()) {
            int n = (int) Math.round(basePerLevel1 * Math.sqrt(group.size()));
            for (int i = 0; i < n; i++) {
                // round-robin over the class's categories, so each gets its share
                Category c = group.get(i % group.size());
                Category other = all.get(r.nextInt(all.size()));
                out.add(new LabeledText(write(c, other.code().equals(c.code()) ? null : other, part, r), c.code()));
            }
        }
        return out;
    }

    /** One text about {@code c}, mentioning {@code side} in passing when not null. */
    String write(Category c, Category side, Part part, SplittableRandom r) {
        Slots s = new Slots(c, side, part, r);
        Style style = pickStyle(r);
        List<String> parts = new ArrayList<>();
        String subject = null;
        switch (style) {
            case CALL -> {
                parts.add(s.fill(s.frame(Kind.CALL)));
                if (chance(r, 0.3)) {
                    parts.add(s.fill(s.frame(Kind.COMPLAINT)));
                }
            }
            case WEB -> {
                subject = chance(r, 0.7) ? s.fill(s.frame(Kind.SUBJECT)) : null;
                optional(parts, Kind.SALUTATION, 0.4, s, r);
                repeat(parts, Kind.COMPLAINT, 1 + r.nextInt(2), s, r);
                optional(parts, Kind.SIDE, side == null ? 0 : 0.2, s, r);
                optional(parts, Kind.QUESTION, 0.5, s, r);
                optional(parts, Kind.DEMAND, 0.5, s, r);
                optional(parts, Kind.CLOSING, 0.4, s, r);
            }
            case QUESTION -> {
                subject = chance(r, 0.6) ? s.fill(s.frame(Kind.SUBJECT)) : null;
                optional(parts, Kind.SALUTATION, 0.6, s, r);
                optional(parts, Kind.INTRO, 0.4, s, r);
                optional(parts, Kind.BACKGROUND, 0.3, s, r);
                parts.add(s.fill(s.frame(Kind.INDIRECT)));
                repeat(parts, Kind.QUESTION, 1 + r.nextInt(3), s, r);
                optional(parts, Kind.FILLER, 0.2, s, r);
                optional(parts, Kind.CLOSING, 0.5, s, r);
            }
            case LETTER -> {
                subject = chance(r, 0.5) ? s.fill(s.frame(Kind.SUBJECT)) : null;
                optional(parts, Kind.SALUTATION, 0.8, s, r);
                optional(parts, Kind.INTRO, 0.7, s, r);
                repeat(parts, Kind.BACKGROUND, r.nextInt(3), s, r);
                repeat(parts, Kind.COMPLAINT, 1 + r.nextInt(3), s, r);
                optional(parts, Kind.INDIRECT, 0.2, s, r);
                optional(parts, Kind.IMPACT, 0.5, s, r);
                optional(parts, Kind.HISTORY, 0.5, s, r);
                optional(parts, Kind.SIDE, side == null ? 0 : 0.3, s, r);
                optional(parts, Kind.FILLER, 0.3, s, r);
                repeat(parts, Kind.QUESTION, r.nextInt(3), s, r);
                repeat(parts, Kind.DEMAND, r.nextInt(3), s, r);
                optional(parts, Kind.CLOSING, 0.7, s, r);
                optional(parts, Kind.SIGNATURE, 0.4, s, r);
                if (chance(r, 0.3)) {
                    parts.add((2015 + r.nextInt(10)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日");
                }
            }
        }
        return join(subject, parts, r);
    }

    private static Style pickStyle(SplittableRandom r) {
        double x = r.nextDouble();
        return x < 0.55 ? Style.LETTER : x < 0.75 ? Style.WEB : x < 0.9 ? Style.CALL : Style.QUESTION;
    }

    /** Sentences joined the way different writers do: one paragraph, a line each, spaces, angry punctuation. */
    private static String join(String subject, List<String> parts, SplittableRandom r) {
        String separator =
                switch (r.nextInt(4)) {
                    case 0 -> "\n";
                    case 1 -> " ";
                    default -> "";
                };
        boolean angry = chance(r, 0.15);
        StringBuilder sb = new StringBuilder();
        if (subject != null) {
            sb.append(subject).append('\n');
        }
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (angry) {
                p = p.replace("。", "！").replace("？", "？？");
            }
            if (chance(r, 0.1)) {
                p = p.replace("。", PARTICLES[r.nextInt(PARTICLES.length)] + "。");
            }
            sb.append(p);
            if (i < parts.size() - 1) {
                sb.append(separator);
            }
        }
        return sb.toString();
    }

    private void optional(List<String> parts, Kind kind, double p, Slots s, SplittableRandom r) {
        if (chance(r, p)) {
            parts.add(s.fill(s.frame(kind)));
        }
    }

    private void repeat(List<String> parts, Kind kind, int times, Slots s, SplittableRandom r) {
        for (int i = 0; i < times; i++) {
            parts.add(s.fill(s.frame(kind)));
        }
    }

    /** The items of {@code part}; a list too short to split is used whole. */
    private static List<String> of(List<String> items, Part part) {
        if (part == Part.ALL || items.size() < 3) {
            return items;
        }
        List<String> out = new ArrayList<>();
        for (String item : items) {
            if (heldOut(item) == (part == Part.HELD_OUT)) {
                out.add(item);
            }
        }
        return out.isEmpty() ? items : out;
    }

    /** One item in five, by a hash of its text that does not change between JVMs: the {@link Part#HELD_OUT} ones. */
    public static boolean heldOut(String item) {
        int h = 0;
        for (int i = 0; i < item.length(); i++) {
            h = 31 * h + item.charAt(i);
        }
        return Math.floorMod(h * 0x9E3779B9, 5) == 0;
    }

    private static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    private static <T> T any(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    private static String any(String[] list, SplittableRandom r) {
        return list[r.nextInt(list.length)];
    }

    /** The values of one text's placeholders: drawn once per text where a text would repeat them (place, person). */
    private final class Slots {
        private final SplittableRandom r;
        private final CategoryLexicon.Entry entry;
        private final CategoryLexicon.Entry side;
        private final List<String> level1Words;
        private final String place;
        private final String village;
        private final String name;
        private final String department;
        private final Part part;

        Slots(Category c, Category sideCategory, Part part, SplittableRandom r) {
            this.r = r;
            this.part = part;
            this.entry = split(lexicon.of(c.code()));
            this.side = sideCategory == null ? null : split(lexicon.of(sideCategory.code()));
            this.level1Words = of(lexicon.level1Words(c.parentCode()), part);
            this.place = place(r);
            this.village = any(CODE_LETTERS, r) + (1 + r.nextInt(9)) + "县" + any(PLACE_HEADS, r)
                    + (chance(r, 0.5) ? "镇" : "乡") + (chance(r, 0.6) ? any(PLACE_HEADS, r) + "村" : "");
            this.name = any(SURNAMES, r) + (chance(r, 0.5) ? "先生" : chance(r, 0.5) ? "女士" : "某某");
            this.department = c.department().replaceFirst("^(区|济南市|市)", "").replace("历城", "");
        }

        private CategoryLexicon.Entry split(CategoryLexicon.Entry e) {
            return new CategoryLexicon.Entry(e.code(), of(e.words(), part), of(e.issues(), part), of(e.roles(), part));
        }

        String frame(Kind kind) {
            List<String> list = of(frames.get(kind), part);
            return list.get(r.nextInt(list.size()));
        }

        String fill(String frame) {
            StringBuilder sb = new StringBuilder(frame.length() + 32);
            int i = 0;
            while (i < frame.length()) {
                char ch = frame.charAt(i);
                int close = ch == '{' ? frame.indexOf('}', i) : -1;
                if (close < 0) {
                    sb.append(ch);
                    i++;
                    continue;
                }
                sb.append(value(frame.substring(i + 1, close)));
                i = close + 1;
            }
            return sb.toString();
        }

        private String value(String slot) {
            return switch (slot) {
                case "issue", "issue2" -> entry.issues().isEmpty() ? word() : any(entry.issues(), r);
                case "word", "word2", "word3" -> word();
                case "gword" -> level1Words.isEmpty() ? word() : any(level1Words, r);
                case "role" ->
                    entry.roles().isEmpty() || chance(r, 0.2) ? any(GENERIC_ROLES, r) : any(entry.roles(), r);
                case "place" -> chance(r, 0.7) ? place : place(r);
                case "village" -> village;
                case "org" -> chance(r, 0.4) ? department : any(GENERIC_ORGS, r);
                case "name" -> name;
                case "n" -> String.valueOf(2 + r.nextInt(60));
                case "years" -> String.valueOf(1 + r.nextInt(20));
                case "money" -> (1 + r.nextInt(50)) * 1000 + "元";
                case "time" -> any(TIMES, r);
                case "side" ->
                    side == null ? word() : side.issues().isEmpty() ? any(side.words(), r) : any(side.issues(), r);
                case "sideword" -> side == null ? word() : any(side.words(), r);
                default -> throw new IllegalStateException("unknown placeholder {" + slot + "} in " + FRAMES);
            };
        }

        /** Mostly the category's own words, sometimes its class's general words. */
        private String word() {
            if (!level1Words.isEmpty() && chance(r, 0.15)) {
                return any(level1Words, r);
            }
            return any(entry.words(), r);
        }

        private static String place(SplittableRandom r) {
            String city = any(CODE_LETTERS, r) + "市";
            return switch (r.nextInt(6)) {
                case 0 -> city;
                case 1 -> city + any(CODE_LETTERS, r) + (1 + r.nextInt(9)) + "区";
                case 2 -> any(CODE_LETTERS, r) + (1 + r.nextInt(9)) + "县";
                case 3 -> any(CODE_LETTERS, r) + (1 + r.nextInt(9)) + "县" + any(PLACE_HEADS, r) + "镇";
                case 4 -> city + any(PLACE_HEADS, r) + any(NEIGHBOURHOODS, r);
                default -> any(PLACE_HEADS, r) + any(NEIGHBOURHOODS, r);
            };
        }
    }
}
