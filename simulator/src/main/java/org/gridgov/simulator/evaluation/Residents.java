package org.gridgov.simulator.evaluation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridgov.common.validation.IdCardNumber;

/**
 * The evaluation set's residents and the ways source systems write them, with its own names and random stream (no
 * code or reference file of the demo generator): every resident has a distinct ID card and phone, names repeat on
 * purpose (namesakes), and each source may write the card as 15 digits, full-width, spaced or with a lower-case x, the
 * phone with +86 or full-width digits, and the name in traditional characters or with a space.
 */
final class Residents {

    /** A resident: the canonical card and phone; {@code name} in simplified characters. */
    record Resident(String idCard, String name, String phone) {}

    /** How a source writes an ID card. */
    enum IdSpelling {
        CANONICAL,
        FIFTEEN_DIGITS,
        FULL_WIDTH,
        SPACED,
        LOWER_CASE_X
    }

    private static final String[] SURNAMES = {"陈", "张", "刘", "王", "李", "黄", "赵", "吴", "周", "郑", "孙", "马"};
    private static final String[] GIVEN = {
        "国强", "伟", "丽华", "建军", "秀兰", "志刚", "红梅", "海涛", "晓东", "凤英", "玉兰", "文斌", "春华", "德胜", "桂芳"
    };
    private static final Map<Character, Character> TRADITIONAL = Map.ofEntries(
            Map.entry('陈', '陳'),
            Map.entry('张', '張'),
            Map.entry('刘', '劉'),
            Map.entry('黄', '黃'),
            Map.entry('赵', '趙'),
            Map.entry('吴', '吳'),
            Map.entry('郑', '鄭'),
            Map.entry('孙', '孫'),
            Map.entry('马', '馬'),
            Map.entry('国', '國'),
            Map.entry('强', '強'),
            Map.entry('伟', '偉'),
            Map.entry('丽', '麗'),
            Map.entry('华', '華'),
            Map.entry('军', '軍'),
            Map.entry('兰', '蘭'),
            Map.entry('刚', '剛'),
            Map.entry('红', '紅'),
            Map.entry('涛', '濤'),
            Map.entry('晓', '曉'),
            Map.entry('东', '東'),
            Map.entry('凤', '鳳'),
            Map.entry('斌', '斌'),
            Map.entry('胜', '勝'));
    private static final String[] REGIONS = {"370112", "370102", "370103", "370104", "370105", "371522"};

    private final SplittableRandom random;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> phones = new HashSet<>();

    Residents(SplittableRandom random) {
        this.random = random;
    }

    /** A new resident with a random name. */
    Resident next() {
        return named(SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]);
    }

    /** A new resident (another card, another phone) with the given name: a namesake. */
    Resident named(String name) {
        String id;
        do {
            // born 1940–1999: a first-generation 15-digit card exists for every one of them
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 60));
            id = IdCardNumber.of(REGIONS[random.nextInt(REGIONS.length)], birth, random.nextInt(1, 1000));
        } while (!ids.add(id));
        String phone;
        do {
            phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        } while (!phones.add(phone));
        return new Resident(id, name, phone);
    }

    /** The card as a source writes it. */
    static String idCard(Resident r, IdSpelling s) {
        String id = r.idCard();
        return switch (s) {
            case CANONICAL -> id;
            case FIFTEEN_DIGITS -> id.substring(0, 6) + id.substring(8, 17);
            case FULL_WIDTH -> fullWidth(id);
            case SPACED -> id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
            case LOWER_CASE_X ->
                id.endsWith("X") ? id.substring(0, 17) + "x" : fullWidth(id.substring(0, 6)) + id.substring(6);
        };
    }

    /** A spelling other than the canonical one, in turn. */
    static IdSpelling variant(int n) {
        IdSpelling[] all = IdSpelling.values();
        return all[1 + Math.floorMod(n, all.length - 1)];
    }

    /** The card with one digit mistyped (the check character then fails): rejected by the loader, never guessed. */
    String mistyped(Resident r) {
        String id = r.idCard();
        int at = random.nextInt(6, 17);
        char wrong = (char) ('0' + (id.charAt(at) - '0' + 1 + random.nextInt(8)) % 10);
        return id.substring(0, at) + wrong + id.substring(at + 1);
    }

    /** The name as the n-th source writes it: simplified, traditional, or with a space after the surname. */
    static String name(Resident r, int n) {
        return switch (Math.floorMod(n, 3)) {
            case 0 -> r.name();
            case 1 -> traditional(r.name());
            default -> r.name().charAt(0) + " " + r.name().substring(1);
        };
    }

    /** The phone as the n-th source writes it. */
    static String phone(Resident r, int n) {
        String p = r.phone();
        return switch (Math.floorMod(n, 4)) {
            case 0 -> p;
            case 1 -> "+86 " + p.substring(0, 3) + " " + p.substring(3, 7) + " " + p.substring(7);
            case 2 -> fullWidth(p);
            default -> "86" + p;
        };
    }

    static String traditional(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            sb.append(TRADITIONAL.getOrDefault(c, c));
        }
        return sb.toString();
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == 'X' ? 'Ｘ' : c);
        }
        return sb.toString();
    }
}
