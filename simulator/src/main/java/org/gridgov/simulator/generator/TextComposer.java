package org.gridgov.simulator.generator;

import java.util.List;
import java.util.SplittableRandom;
import org.gridgov.simulator.generator.ReferenceData.Company;

/**
 * Fills template placeholders ({community} {street} {company} {road} {days} {amount} {people}) with names from the
 * record's place and plausible numbers, and swaps the speaker (市民反映 → 信访人反映) to suit the source.
 */
final class TextComposer {

    private final ReferenceData ref;

    TextComposer(ReferenceData ref) {
        this.ref = ref;
    }

    /**
     * @param company the company to name, or null to pick one that suits the category
     */
    String compose(String template, String categoryCode, Place place, String company, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close < 0) {
                sb.append(c);
                i++;
                continue;
            }
            String key = template.substring(i + 1, close);
            switch (key) {
                case "community" -> sb.append(place.community().name());
                case "street" -> sb.append(place.street().name());
                case "company" -> sb.append(company != null ? company : companyFor(categoryCode, r));
                case "road" -> sb.append(ref.roads.get(r.nextInt(ref.roads.size())));
                case "days" -> sb.append(2 + r.nextInt(44));
                case "amount" -> sb.append(amountFor(categoryCode, r));
                case "people" -> sb.append(3 + r.nextInt(58));
                default -> throw new IllegalStateException("unknown placeholder {" + key + "} in " + template);
            }
            i = close + 1;
        }
        return sb.toString();
    }

    /** A company whose trade fits the complaint category (物业 for property management, 餐饮 for fumes, ...). */
    String companyFor(String categoryCode, SplittableRandom r) {
        String industry =
                switch (categoryCode) {
                    case "C0103" -> "物业";
                    case "C0205", "C0801" -> "餐饮";
                    case "C0701", "C0703", "C0802", "C0803", "C0804" -> "零售";
                    case "C0905" -> "制造";
                    case "C0401", "C1001" -> r.nextInt(10) < 6 ? ReferenceData.CONSTRUCTION : null;
                    default -> null;
                };
        List<Company> pool = industry == null ? ref.companies : ref.companies(industry);
        return pool.get(r.nextInt(pool.size())).name();
    }

    /** Whole yuan, scaled to what the category is about: wages, heating fees or everyday purchases. */
    static long amountFor(String categoryCode, SplittableRandom r) {
        if (categoryCode.startsWith("C04")) {
            return 100L * (30 + r.nextInt(870));
        }
        if (categoryCode.equals("C0101")) {
            return 10L * (150 + r.nextInt(300));
        }
        if (categoryCode.equals("C1202") || categoryCode.equals("C1003") || categoryCode.equals("C1001")) {
            return 1000L * (5 + r.nextInt(300));
        }
        return 10L * (5 + r.nextInt(800));
    }

    /** Replaces the leading speaker ("市民反映：", "来电人反映：") with {@code speaker}. */
    static String respeak(String text, String speaker) {
        int colon = text.indexOf('：');
        if (colon > 0 && colon <= 8) {
            return speaker + text.substring(colon);
        }
        return speaker + "：" + text;
    }
}
