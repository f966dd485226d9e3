package org.gridgov.nlp.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.common.io.Tsv;

/**
 * Strips what every citizen letter says whatever it is about, so classification and hot words see the topic: the
 * salutation (尊敬的领导：, 书记您好), closings (此致敬礼, 谢谢, 盼复), the signature and contact line, dates and clock
 * times, anonymised place codes (A市, K8县; the code of A7县冷水镇 goes, 冷水镇 stays), placeholder names (张先生, 王某某)
 * and the boilerplate phrases of {@code gridgov/nlp/letter_boilerplate.txt}. Hotline notes, which have none of this,
 * come out as they went in, apart from dates and codes.
 *
 * <p>The subject is kept apart: an explicit one, or the first line of a text whose first line is short (a web
 * message's 主题), or a leading 主题：/标题：. Stateless and thread-safe.
 */
public final class LetterNormalizer {

    static final String BOILERPLATE = "gridgov/nlp/letter_boilerplate.txt";
    /** Longest first line that is still read as a subject rather than as the letter's first sentence. */
    static final int SUBJECT_MAX = 40;

    private static final Pattern SUBJECT_LABEL =
            Pattern.compile("^\\s*(?:主题|标题|留言主题|事由)\\s*[:：]\\s*([^\\n。]{1,60})[\\n。]?");
    /** Words one of which a match of {@link #CONTACT} contains (the trigger characters are a cheaper first test). */
    private static final String[] CONTACT_WORDS = {"电话", "手机", "联系方式", "微信", "QQ", "邮箱"};
    /** Words one of which a match of {@link #SUBJECT_LABEL} starts with (after its leading blanks). */
    private static final String[] SUBJECT_LABEL_WORDS = {"主题", "标题", "留言主题", "事由"};

    private static final String[] TITLE_WORDS = {
        "领导", "书记", "市长", "县长", "区长", "镇长", "乡长", "局长", "主任", "厅长", "部长", "同志", "政府", "先生", "女士"
    };
    private static final String TITLES = "(?:" + String.join("|", TITLE_WORDS) + ")";
    /** At the start: 尊敬的A市领导：, 胡书记您好！, 各位领导， */
    private static final Pattern SALUTATION_START =
            Pattern.compile("^\\s*(?:(?:尊敬|敬爱|亲爱)的)?[^，,。！!？?：:]{0,12}?" + TITLES + "们?(?:您好|你好|好)?\\s*[：:，,！!]+");
    /** Anywhere, when a colon follows the title: 。市长：, 书记您好： */
    private static final Pattern SALUTATION_COLON =
            Pattern.compile("(?:(?:尊敬|敬爱|亲爱)的)?[^，,。！!？?：:]{0,6}?" + TITLES + "们?(?:您好|你好)?\\s*[：:]");

    private static final Pattern RESPECTFUL = Pattern.compile("(?:尊敬|敬爱|亲爱)的[^，,。！!？?：:]{0,12}[：:，,]");
    private static final Pattern GREETING = Pattern.compile("(?:您们|你们|您|你|大家)好[！!，,。.～~]*");
    private static final Pattern CONTACT =
            Pattern.compile("(?:联系|联络)?(?:电话|手机|手机号|联系方式|微信|QQ|邮箱)\\s*(?:号码)?\\s*[:：]?\\s*[0-9０-９\\-－ *＊xX]{5,}");
    private static final Pattern DATE = Pattern.compile(
            "(?:[0-9]{2,4}|[〇零一二三四五六七八九]{4})\\s*年\\s*[0-9一二三四五六七八九十]{1,2}\\s*月(?:\\s*[0-9一二三四五六七八九十]{1,3}\\s*[日号])?"
                    + "|[0-9]{1,2}\\s*月\\s*[0-9]{1,2}\\s*[日号]|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"
                    + "|[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?|[0-9]{4}\\s*年");
    /** A7县, K8市, B区: the code and the unit go (a code names no real place). */
    private static final Pattern PLACE_CODE_UNIT = Pattern.compile("(?<![A-Za-z0-9])[A-Z][0-9]{0,3}(?:市|县|区|州|省)");
    /** A7镇, B3村, C2小区: the code goes, the kind of place stays (村 and 小区 say something). */
    private static final Pattern PLACE_CODE =
            Pattern.compile("(?<![A-Za-z0-9])[A-Z][0-9]{0,3}(?=镇|乡|村|街道|社区|小区|路|街|大道|广场|公司|学校|中学|小学|医院|单位|银行)");

    private static final Pattern PLACEHOLDER = Pattern.compile("(?:某某|ＸＸ|XX|xx|××|\\*\\*|＊＊)+");
    private static final Pattern PERSON = Pattern.compile("[\\u4e00-\\u9fa5](?:先生|女士)|[\\u4e00-\\u9fa5]某某?");
    /** The last line when it is a signature: 一位普通教师, 网友 敬上, 某小区业主, 市民. */
    private static final Pattern SIGNATURE = Pattern.compile("(?:^|(?<=[。！!？?]))\\s*(?:"
            + "(?:一|某)[位名个群][^。！!？?，,]{0,12}"
            + "|[^。！!？?，,]{0,12}?\\s*(?:敬上|拜上|上书|谨上)"
            + "|(?:普通|广大)?(?:市民|居民|村民|群众|业主|网友|老百姓|家长|职工|读者|投诉人|举报人|信访人)(?:\\s*(?:上|留|反映))?"
            + ")[！!。.\\s]*$");

    private static final Pattern LABEL = Pattern.compile("(?:留言)?(?:详情|内容|正文|问题描述)\\s*[:：]");
    /** Words one of which a match of {@link #LABEL} contains. */
    private static final String[] LABEL_WORDS = {"详情", "内容", "正文", "问题描述"};

    private static final Pattern DANGLING = Pattern.compile("(?:^|(?<=[。！!？?]))\\s*(?:一[位名个])?(?:敬上|拜上|敬礼)[！!。]*");
    /** Words one of which a match of {@link #DANGLING} contains: without them the pattern is not tried. */
    private static final String[] DANGLING_WORDS = {"敬上", "拜上", "敬礼"};
    /** Words one of which a match of {@link #SIGNATURE} contains (一位, 某名, … are checked apart). */
    private static final String[] SIGNATURE_WORDS = {
        "敬上", "拜上", "上书", "谨上", "市民", "居民", "村民", "群众", "业主", "网友", "老百姓", "家长", "职工", "读者", "投诉人", "举报人", "信访人"
    };

    private static final PhraseRemover BOILERPLATE_PHRASES = phrases();
    /** Characters at the end of a text searched for a signature. */
    private static final int TAIL = 40;

    private static final String PUNCTUATION = "，,。！!？?；;、";

    private LetterNormalizer() {}

    /** A text whose first line may be its subject (a 主题 column joined with the details, a web message). */
    public static Letter normalize(String text) {
        if (text == null || text.isBlank()) {
            return new Letter("", "");
        }
        String t = halfWidth(text).replace("\r\n", "\n").replace('\r', '\n').strip();
        // stripped, t has no leading \s: the label's words start it or the pattern cannot match
        if (startsWithAny(t, SUBJECT_LABEL_WORDS)) {
            Matcher label = SUBJECT_LABEL.matcher(t);
            if (label.find()) {
                return normalize(label.group(1), t.substring(label.end()));
            }
        }
        int newline = t.indexOf('\n');
        if (newline > 0 && newline <= SUBJECT_MAX && !hasAny(t.substring(0, newline), "，,。；;")) {
            String first = t.substring(0, newline);
            // a salutation on a line of its own is not a subject
            if (!SALUTATION_START.matcher(first).find()
                    && !GREETING.matcher(first).find()) {
                return normalize(first, t.substring(newline + 1));
            }
        }
        return new Letter("", clean(t, true));
    }

    /** A subject and a body given apart; either may be empty. */
    public static Letter normalize(String subject, String body) {
        String s = subject == null ? "" : clean(halfWidth(subject), false);
        String b = body == null ? "" : clean(halfWidth(body), true);
        return new Letter(s, b);
    }

    private static String clean(String text, boolean body) {
        String t = text.replace('\n', '。');
        // each rule runs only when its trigger characters occur: most hotline notes need none of them. The triggers
        // are found in one scan and found again only after a rule changed the text (a removal can drop a trigger)
        int triggers = triggers(t);
        String before = t;
        if ((triggers & CONTACT_CHARS) != 0 && containsAny(t, CONTACT_WORDS)) {
            t = CONTACT.matcher(t).replaceAll("");
            triggers = t == before ? triggers : triggers(t);
            before = t;
        }
        if ((triggers & (DIGIT | ZERO)) != 0 && (triggers & DATE_MARK) != 0) {
            t = DATE.matcher(t).replaceAll("");
            triggers = t == before ? triggers : triggers(t);
            before = t;
        }
        if ((triggers & UPPER) != 0) {
            t = PLACE_CODE_UNIT.matcher(t).replaceAll("");
            t = PLACE_CODE.matcher(t).replaceAll("");
            triggers = t == before ? triggers : triggers(t);
            before = t;
        }
        if ((triggers & PLACEHOLDER_CHARS) != 0) {
            t = PLACEHOLDER.matcher(t).replaceAll("");
            triggers = t == before ? triggers : triggers(t);
            before = t;
        }
        if ((triggers & PERSON_CHARS) != 0) {
            t = PERSON.matcher(t).replaceAll("");
            triggers = t == before ? triggers : triggers(t);
            before = t;
        }
        if (!body) {
            return tidy(t);
        }
        // the patterns below are tried only where they can match: each needs a title (领导, 书记, …)
        boolean titled = containsAny(t, TITLE_WORDS);
        t = t.strip(); // drops blanks only, never a trigger
        before = t;
        if (titled) {
            t = SALUTATION_START.matcher(t).replaceFirst("");
            triggers = t == before ? triggers : triggers(t);
            before = t;
        }
        if ((triggers & COLON) != 0) {
            if (titled) {
                t = SALUTATION_COLON.matcher(t).replaceAll("。");
            }
            if (containsAny(t, LABEL_WORDS)) {
                t = LABEL.matcher(t).replaceAll("");
            }
            triggers = t == before ? triggers : triggers(t);
            before = t;
        }
        if ((triggers & RESPECT_CHARS) != 0) {
            t = RESPECTFUL.matcher(t).replaceAll("");
            triggers = t == before ? triggers : triggers(t);
        }
        if ((triggers & GOOD) != 0) {
            t = GREETING.matcher(t).replaceAll("");
        }
        t = BOILERPLATE_PHRASES.remove(t);
        t = tidy(t);
        // the signature and a dangling 敬上 are at the end: look at the last line only
        int cut = Math.max(0, t.length() - TAIL);
        String tail = t.substring(cut);
        String cleanTail = tail;
        if (containsAny(cleanTail, DANGLING_WORDS)) {
            cleanTail = DANGLING.matcher(cleanTail).replaceAll("");
        }
        if (containsAny(cleanTail, SIGNATURE_WORDS) || hasCountedOne(cleanTail)) {
            cleanTail = SIGNATURE.matcher(cleanTail).replaceAll("");
        }
        // t is tidy already, and tidy of a tidy text is the text: only a changed tail needs tidying again
        return cleanTail.equals(tail) ? t : tidy(t.substring(0, cut) + cleanTail);
    }

    /** Trigger bits of {@link #triggers}: which characters of a rule's trigger set occur. */
    private static final int CONTACT_CHARS = 1;

    private static final int DIGIT = 1 << 1;
    private static final int ZERO = 1 << 2;
    private static final int UPPER = 1 << 3;
    private static final int PLACEHOLDER_CHARS = 1 << 4;
    private static final int PERSON_CHARS = 1 << 5;
    private static final int COLON = 1 << 6;
    private static final int RESPECT_CHARS = 1 << 7;
    private static final int GOOD = 1 << 8;
    /**
     * 年 or 月, or a digit right before one of -/.:：: what every branch of {@link #DATE} needs (a year, a month, a
     * dashed date, a clock time), so a text with numbers but no date is not searched (房租3000元).
     */
    private static final int DATE_MARK = 1 << 9;

    /**
     * One scan for the characters each rule needs: 电话手机微信QQ邮箱联系 (contact), 0-9 (dates), 〇零 (dates), A-Z
     * (place codes), 某Xx×*＊Ｘ (placeholders), 先女某 (persons), :： (colon rules), 尊敬亲 (respectful salutation),
     * 好 (greeting). Before, each was a scan of its own.
     */
    static int triggers(String t) {
        int found = 0;
        char previous = 0;
        for (int i = 0; i < t.length(); previous = t.charAt(i), i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                found |= DIGIT;
            } else if ((c == '-' || c == '/' || c == '.' || c == ':' || c == '：')
                    && previous >= '0'
                    && previous <= '9') {
                found |= DATE_MARK | (c == '-' || c == '/' || c == '.' ? 0 : COLON);
            } else if (c >= 'A' && c <= 'Z') {
                found |= UPPER;
                if (c == 'Q') {
                    found |= CONTACT_CHARS;
                } else if (c == 'X') {
                    found |= PLACEHOLDER_CHARS;
                }
            } else {
                found |= switch (c) {
                    case '电', '话', '手', '机', '微', '信', '邮', '箱', '联', '系' -> CONTACT_CHARS;
                    case '〇', '零' -> ZERO;
                    case 'x', '×', '*', '＊', 'Ｘ' -> PLACEHOLDER_CHARS;
                    case '某' -> PLACEHOLDER_CHARS | PERSON_CHARS;
                    case '先', '女' -> PERSON_CHARS;
                    case ':', '：' -> COLON;
                    case '尊', '敬', '亲' -> RESPECT_CHARS;
                    case '好' -> GOOD;
                    case '年', '月' -> DATE_MARK;
                    default -> 0;
                };
            }
        }
        return found;
    }

    private static boolean startsWithAny(String t, String[] words) {
        for (String w : words) {
            if (t.startsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /** One pass: runs of blanks become one space, runs of punctuation their first mark, no leading marks. */
    static String tidy(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        char previous = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\t' || c == '\u3000' || c == '\u00a0') {
                c = ' ';
            }
            boolean mark = isPunctuation(c);
            if (c == ' ' && (previous == ' ' || isPunctuation(previous) || sb.length() == 0)) {
                continue;
            }
            if (mark && (sb.length() == 0 || isPunctuation(previous))) {
                continue;
            }
            if (mark && previous == ' ') {
                sb.setLength(sb.length() - 1);
                if (sb.length() == 0) {
                    previous = 0;
                    continue;
                }
                previous = sb.charAt(sb.length() - 1);
                if (isPunctuation(previous)) {
                    continue;
                }
            }
            sb.append(c);
            previous = c;
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }

    /** One of {@link #PUNCTUATION}. */
    private static boolean isPunctuation(char c) {
        if (c > '。' && c < '！') {
            return false; // the Chinese characters: one comparison, not a lookup among ten
        }
        return switch (c) {
            case '，', ',', '。', '！', '!', '？', '?', '；', ';', '、' -> true;
            default -> false;
        };
    }

    private static boolean hasAny(String t, String chars) {
        for (int i = 0; i < t.length(); i++) {
            if (chars.indexOf(t.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String t, String[] words) {
        for (String w : words) {
            if (t.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** 一位, 某名, 一个, 一群 …: the start of SIGNATURE's first branch. */
    private static boolean hasCountedOne(String t) {
        for (int i = 0; i + 1 < t.length(); i++) {
            char c = t.charAt(i);
            if ((c == '一' || c == '某') && "位名个群".indexOf(t.charAt(i + 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Full-width ASCII (Ａ７县, １２３４５) as plain ASCII, so codes and numbers match one way. */
    static String halfWidth(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E' && Character.isLetterOrDigit(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, (char) (c - 0xFEE0));
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static PhraseRemover phrases() {
        List<String> list = new ArrayList<>();
        for (Tsv.Row r : Tsv.rows(Tsv.open(BOILERPLATE), BOILERPLATE)) {
            list.add(r.cell(0).strip());
        }
        return new PhraseRemover(list, "：:，,！!。");
    }
}
