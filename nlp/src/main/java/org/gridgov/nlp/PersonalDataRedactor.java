package org.gridgov.nlp;

import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.common.io.Tsv;

/**
 * Removes personal data from free text before it is published (the case service's public Open311 output, and any
 * later public report): what staff see keeps everything, what the public sees keeps the matter and the street or
 * community, not the person or the door.
 * <ul>
 *   <li>names: HanLP's person-name recognition (with the governance dictionary, so 王舍人街道 and 山大路社区 stay
 *   places), honorifics (王先生 → 某先生, 李女士, 张师傅, …), names after a label (联系人：张伟) and compound surnames;
 *   a name found once is removed wherever it recurs (王建国家 → 某某家) → {@value #NAME};</li>
 *   <li>phone numbers of every shape: mobiles (+86, spaces, dashes), landlines with area code (0531-8888 6666,
 *   (0531)88886666), 400/800 numbers, local numbers after a phone word, full-width digits →
 *   {@value #PHONE};</li>
 *   <li>ID-card numbers (18 and 15 digits, grouped or not) → {@value #ID_CARD}; any other run of nine or more digits
 *   (bank cards, account numbers) → {@value #NUMBER};</li>
 *   <li>WeChat and QQ ids (the label stays: 微信：{@value #ACCOUNT}), e-mail addresses → {@value #EMAIL}, licence plates
 *   → {@value #PLATE};</li>
 *   <li>door-level address details: building, unit, floor, room and house numbers (12号楼2单元301室, 山大路168号,
 *   3-2-301) → {@value #DOOR}, so 山大路社区12号楼 becomes 山大路社区{@value #DOOR}.</li>
 * </ul>
 * Matching runs on a copy with full-width forms folded to ASCII (１３８ → 138, （ → (), one character for one, so the
 * replacements apply to the original text at the same positions and its own punctuation stays as written.
 *
 * <p>Thread-safe: the HanLP segmenter is per thread. Errs on the side of removing: a public text may lose a number it
 * did not need to (a long amount written in digits), never keep a phone number.
 */
public final class PersonalDataRedactor {

    public static final String NAME = "某某";
    public static final String PHONE = "【电话】";
    public static final String ID_CARD = "【证件号】";
    public static final String NUMBER = "【号码】";
    public static final String ACCOUNT = "【账号】";
    public static final String EMAIL = "【邮箱】";
    public static final String PLATE = "【车牌】";
    public static final String DOOR = "【门牌】";

    private static final Set<String> SURNAMES = new LinkedHashSet<>(Tsv.column("gridgov/nlp/surnames.txt"));
    private static final String SURNAME = "(?:"
            + String.join(
                    "|",
                    SURNAMES.stream()
                            .sorted(Comparator.comparingInt(String::length).reversed())
                            .toList()) + ")";
    private static final String HAN = "[\\p{IsHan}]";
    private static final String CN_NUMERAL = "[一二三四五六七八九十百零两〇]+";

    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern WECHAT = Pattern.compile(
            "(?:微信号?|微信id|VX|vx|Vx|WX|wx|Wx|V信|v信|薇信|威信|weixin|wechat|WeChat)\\s*(?:号|ID|id)?\\s*[:：是为]?\\s*"
                    + "([A-Za-z][-_A-Za-z0-9]{4,19}|\\d{5,12})");
    private static final Pattern WXID = Pattern.compile("wxid_[A-Za-z0-9]{4,}");
    private static final Pattern QQ = Pattern.compile("(?:QQ|qq|Qq|扣扣)\\s*(?:号|号码)?\\s*[:：是为]?\\s*(\\d{5,12})");
    private static final Pattern ID_18 = Pattern.compile("(?<![0-9A-Za-z])\\d{6}[\\s-]?(?:18|19|20)\\d{2}"
            + "(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])[\\s-]?\\d{3}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern ID_15 = Pattern.compile("(?<![0-9A-Za-z])\\d{15}(?![0-9A-Za-z])");
    private static final Pattern MOBILE =
            Pattern.compile("(?<![0-9])(?:(?:\\+|00)?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d){8}(?![0-9])");
    private static final Pattern LANDLINE =
            Pattern.compile("(?<![0-9])(?:\\(\\s*0\\d{2,3}\\s*\\)|0\\d{2,3})[\\s-]?\\d{3,4}[\\s-]?\\d{4}"
                    + "(?:\\s*(?:转|-|ext\\.?)\\s*\\d{1,5})?"
                    + "(?![0-9])");
    private static final Pattern HOTLINE_400 = Pattern.compile("(?<![0-9])[48]00[\\s-]?\\d{3}[\\s-]?\\d{4}(?![0-9])");
    private static final Pattern LOCAL_AFTER_WORD =
            Pattern.compile("(?:电话|手机|座机|号码|联系方式|致电|拨打|来电|tel|Tel|TEL|phone)[^0-9\\n]{0,6}?"
                    + "(?<![0-9])(\\d{3,4}[\\s-]?\\d{4})(?![0-9])");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![0-9])\\d(?:[\\s-]?\\d){8,}(?![0-9])");
    private static final Pattern PLATE_NUMBER =
            Pattern.compile("[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Za-z][\\s·.]?[A-Za-z0-9]{5,6}" + "(?![A-Za-z0-9])");
    private static final Pattern DOOR_PARTS =
            Pattern.compile("(?:\\d+|[A-Za-z])(?:号楼|号院|号铺|栋|幢|座|单元|室)|" + CN_NUMERAL + "(?:号楼|号院|栋|幢|单元|室)"
                    + "|(?<![月\\d])\\d+号(?![线段台])"
                    + "|(?<![\\d-])\\d{1,4}楼(?![道盘梯房顶下上里外前后])"
                    + "|(?<![\\d-])\\d{1,3}-\\d{1,2}-\\d{2,4}(?![\\d-])");
    /** The value after a door label: 门牌号：A-12, 房号 1502. */
    private static final Pattern DOOR_LABELLED =
            Pattern.compile("(?:门牌号|门牌|房号|房间号|楼号)\\s*[:：]?\\s*([A-Za-z0-9][A-Za-z0-9-]*)");
    /** Honorifics that follow a surname and little else (老板, 老人 follow words too: 结算时老板, 向老人推销). */
    private static final Pattern HONORIFIC =
            Pattern.compile("(" + SURNAME + ")(先生|女士|小姐|师傅|大爷|大妈|阿姨|大姐" + "|大哥|老师|同学|经理|主任|奶奶|爷爷)");

    private static final Pattern LABELLED_NAME =
            Pattern.compile("(?:姓名|联系人|来电人|投诉人|反映人|举报人|当事人|户主|报案人|求助人|申请人)\\s*[:：]\\s*(" + HAN + "{2,4})");
    private static final Pattern SELF_NAMED = Pattern.compile("(?:我叫|我是|本人叫|本人是|名叫|叫做)(" + SURNAME + HAN + "{1,2})");
    /** The household after a door number: …301室 王建国家 (the segmenter reads 王建/国家). */
    private static final Pattern HOUSEHOLD = Pattern.compile("(?:室|号|楼|层|单元)\\s*(" + SURNAME + HAN + "{1,2})家");

    private static final Pattern COMPOUND_SURNAME_NAME =
            Pattern.compile("(?:欧阳|司马|诸葛|上官|皇甫|尉迟|公孙|慕容|宇文|司徒|夏侯|令狐|端木|独孤)" + HAN + "{1,2}");

    private static final Pattern PERSON_BEFORE = Pattern.compile("(?:市民|居民|村民|群众|业主|住户|租户|房东|联系人"
            + "|来电人|网格员|工作人员|老人|患者|学生|司机|店主|老板|员工|职工|工人|农民工|负责人|经理|主任|书记|同志|邻居"
            + "|家属|儿子|女儿|丈夫|妻子|母亲|父亲|和|与|及|、|叫)\\s*$");
    private static final Pattern PERSON_AFTER =
            Pattern.compile("反映|说|称|来电|投诉|表示|举报|家|等|和|与|、|向" + "|告诉|要求|诉求|拖欠|被|住|讲|找|同志|夫妇|一家");
    /** A person between a role and what they did: 网格员马晓燕上报, 市民王建国反映 (when the segmenter misses it). */
    private static final Pattern ROLE_NAME_VERB = Pattern.compile("(?:市民|居民|村民|群众|业主|住户|租户|房东|网格员"
            + "|工作人员|老人|患者|学生|司机|店主|老板|员工|职工|工人|农民工|负责人|邻居|家属)(" + SURNAME + HAN
            + "{1,2}?)(?=反映|说|称|来电|投诉|表示|举报|上报|处理|到场|发现|家|等|和|与|、|要求|诉求|被|住|讲|找|夫妇|一家)");
    /** The district's places and organisations, longest first, from the governance dictionary. */
    private static final List<String> PLACE_WORDS = DomainDictionary.get().entries().entrySet().stream()
            .filter(e ->
                    e.getValue().equals(DomainDictionary.PLACE) || e.getValue().equals(DomainDictionary.ORGANISATION))
            .map(java.util.Map.Entry::getKey)
            .filter(w -> w.length() >= 2)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    private static final ThreadLocal<Segment> PERSON_NAMES = ThreadLocal.withInitial(() -> new ViterbiSegment()
            .enableCustomDictionary(DomainDictionary.get().hanlp())
            // places and organisations of the district win over a name reading (王舍人街道, 山大路社区)
            .enableCustomDictionaryForcing(true)
            .enableNameRecognize(true)
            .enableOffset(true));

    private PersonalDataRedactor() {}

    /** The text with personal data replaced; null in, null out. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String folded = fold(text);
        List<Span> spans = new ArrayList<>();
        // order is priority where spans overlap at the same start and length
        add(spans, EMAIL_ADDRESS.matcher(folded), 0, EMAIL);
        add(spans, WXID.matcher(folded), 0, ACCOUNT);
        add(spans, WECHAT.matcher(folded), 1, ACCOUNT);
        add(spans, QQ.matcher(folded), 1, ACCOUNT);
        add(spans, ID_18.matcher(folded), 0, ID_CARD);
        add(spans, ID_15.matcher(folded), 0, ID_CARD);
        add(spans, MOBILE.matcher(folded), 0, PHONE);
        add(spans, LANDLINE.matcher(folded), 0, PHONE);
        add(spans, HOTLINE_400.matcher(folded), 0, PHONE);
        add(spans, LOCAL_AFTER_WORD.matcher(folded), 1, PHONE);
        add(spans, LONG_NUMBER.matcher(folded), 0, NUMBER);
        add(spans, PLATE_NUMBER.matcher(folded), 0, PLATE);
        add(spans, DOOR_PARTS.matcher(folded), 0, DOOR);
        add(spans, DOOR_LABELLED.matcher(folded), 1, DOOR);
        names(text, folded, spans);
        return apply(text, resolve(spans));
    }

    /** Full-width forms (U+FF01..U+FF5E) and the ideographic space as ASCII, one character for one. */
    static String fold(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '\uFF01' && c[i] <= '\uFF5E') {
                c[i] = (char) (c[i] - 0xFEE0);
            } else if (c[i] == '\u3000') {
                c[i] = ' ';
            }
        }
        return new String(c);
    }

    private static void names(String text, String folded, List<Span> spans) {
        // a name reading inside one of the district's places (郭店 of 郭店街道, 华山街 of 我是华山街道) is never a person
        boolean[] place = places(text);
        Set<String> found = new LinkedHashSet<>();
        Matcher h = HONORIFIC.matcher(folded);
        while (h.find()) {
            if (!overlaps(place, h.start(), h.end())) {
                spans.add(new Span(h.start(), h.end(), "某" + h.group(2)));
                found.add(h.group(1) + h.group(2));
            }
        }
        for (Pattern rule : List.of(LABELLED_NAME, HOUSEHOLD, ROLE_NAME_VERB, SELF_NAMED)) {
            Matcher m = rule.matcher(folded);
            while (m.find()) {
                name(spans, found, place, m.start(1), text.substring(m.start(1), m.end(1)));
            }
        }
        Matcher cs = COMPOUND_SURNAME_NAME.matcher(folded);
        while (cs.find()) {
            name(spans, found, place, cs.start(), text.substring(cs.start(), cs.end()));
        }
        for (Term t : PERSON_NAMES.get().seg(text)) {
            if (isPersonName(t)
                    && startsWithSurname(t.word)
                    && !partOfPlace(t.word)
                    && (t.word.length() > 2 || inPersonContext(text, t))) {
                name(spans, found, place, t.offset, t.word);
            }
        }
        // a name recognised once is removed where the segmenter read it otherwise (王建国家 → 王建/国家)
        for (String name : found) {
            if (name.length() < 2) {
                continue;
            }
            for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length())) {
                if (!overlaps(place, i, i + name.length())) {
                    spans.add(new Span(
                            i,
                            i + name.length(),
                            name.length() > 2 && name.startsWith("某") ? name : honorificOf(name)));
                }
            }
        }
    }

    private static void name(List<Span> spans, Set<String> found, boolean[] place, int start, String name) {
        if (!overlaps(place, start, start + name.length())) {
            spans.add(new Span(start, start + name.length(), NAME));
            found.add(name);
        }
    }

    /** 王先生 recurring stays 某先生; a bare name is 某某. */
    private static String honorificOf(String found) {
        Matcher h = HONORIFIC.matcher(found);
        return h.matches() ? "某" + h.group(2) : NAME;
    }

    /**
     * Where the district's places and organisations are in the text (our dictionary's words): a name reading inside
     * one (郭店 in 郭店街道) is the segmenter's mistake, never a person.
     */
    private static boolean[] places(String text) {
        boolean[] in = new boolean[text.length()];
        for (String word : PLACE_WORDS) {
            for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
                java.util.Arrays.fill(in, i, i + word.length(), true);
            }
        }
        return in;
    }

    private static boolean overlaps(boolean[] marked, int start, int end) {
        for (int i = start; i < end; i++) {
            if (marked[i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithSurname(String word) {
        return SURNAMES.contains(word.substring(0, 1))
                || (word.length() > 2 && SURNAMES.contains(word.substring(0, 2)));
    }

    /** 华山湖 of 华山湖社区: a place's head read as a name where the place is named without its suffix. */
    private static boolean partOfPlace(String word) {
        for (String place : PLACE_WORDS) {
            if (place.length() > word.length() && place.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A two-character name reading is taken only next to what marks a person (市民张伟, 张伟反映, 张伟和李娜): the
     * segmenter also reads everyday pairs as names (占道, 车违), and a complaint names people in such contexts.
     */
    private static boolean inPersonContext(String text, Term t) {
        String before = text.substring(Math.max(0, t.offset - 4), t.offset);
        String after =
                text.substring(t.offset + t.word.length(), Math.min(text.length(), t.offset + t.word.length() + 2));
        return PERSON_BEFORE.matcher(before).find()
                || PERSON_AFTER.matcher(after).lookingAt();
    }

    /** HanLP's person names (nr, nrf, nrj), two to four characters of Han script or a transliteration's dot. */
    private static boolean isPersonName(Term t) {
        String nature = t.nature == null ? "" : t.nature.toString();
        if (!(nature.equals("nr") || nature.equals("nrf") || nature.equals("nrj"))) {
            return false;
        }
        String w = t.word;
        int n = w.codePointCount(0, w.length());
        if (n < 2 || n > 6 || DomainDictionary.get().contains(w)) {
            return false;
        }
        return w.codePoints()
                .allMatch(
                        cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp == '·' || cp == '•');
    }

    private static void add(List<Span> spans, Matcher m, int group, String replacement) {
        while (m.find()) {
            spans.add(new Span(m.start(group), m.end(group), replacement));
        }
    }

    /**
     * Overlaps resolved (the span that starts first wins, then the longer, then the earlier rule), and runs of the
     * same replacement that touch, or are split only by spaces or dashes, merged into one (12号楼2单元301室 → one
     * door).
     */
    private static List<Span> resolve(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start)
                .thenComparing(Comparator.comparingInt(Span::length).reversed()));
        List<Span> kept = new ArrayList<>();
        for (Span s : sorted) {
            Span last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last != null && s.start() < last.end()) {
                if (s.end() > last.end()) {
                    // a longer overlapping match (a name running into a door number): cover both with the first
                    kept.set(kept.size() - 1, new Span(last.start(), s.end(), last.replacement()));
                }
                continue;
            }
            kept.add(s);
        }
        return kept;
    }

    private static String apply(String text, List<Span> spans) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        Span previous = null;
        for (Span s : spans) {
            String between = text.substring(at, s.start());
            boolean sameRun = previous != null
                    && previous.replacement().equals(s.replacement())
                    && (s.replacement().equals(DOOR) || s.replacement().equals(NAME))
                    && between.chars().allMatch(c -> c == ' ' || c == '-' || c == '\u3000');
            if (!sameRun) {
                out.append(between).append(s.replacement());
            }
            at = s.end();
            previous = s;
        }
        return out.append(text, at, text.length()).toString();
    }

    private record Span(int start, int end, String replacement) {
        int length() {
            return end - start;
        }
    }
}
