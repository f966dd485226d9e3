package org.gridgov.nlp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.common.district.Community;
import org.gridgov.common.district.District;
import org.gridgov.common.io.Tsv;

/**
 * Training data the project can ship: the complaint templates of {@code gridgov/complaints.tsv} (common), each filled
 * several times with the district's communities and streets, roads, companies and numbers. The generator fills the
 * same templates its own way; this class does not depend on it, so the classifier is not trained on the generator's
 * exact output.
 *
 * <p>{@link #byTemplate} splits by template, not by filled text: the test set consists of wordings the classifier
 * never saw, which is what the accuracy of a deployed classifier depends on.
 */
public final class TemplateCorpus {

    /** One line of complaints.tsv. */
    public record Template(String categoryCode, String season, String text) {}

    /** Train and test texts. */
    public record Split(List<LabeledText> train, List<LabeledText> test) {}

    static final String RESOURCE = "gridgov/complaints.tsv";

    private final List<Template> templates;
    private final List<Community> communities;
    private final List<String> roads;
    private final List<String> companies;

    private TemplateCorpus(List<Template> templates) {
        this.templates = List.copyOf(templates);
        District district = District.licheng();
        this.communities = district.communities();
        this.roads = Tsv.column("gridgov/roads.tsv");
        this.companies = Tsv.read("gridgov/companies.tsv").stream()
                .map(r -> r.get("company_name"))
                .toList();
    }

    public static TemplateCorpus standard() {
        return new TemplateCorpus(Tsv.read(RESOURCE).stream()
                .map(r -> new Template(r.get("level2_code"), r.get("season"), r.get("text")))
                .toList());
    }

    public List<Template> templates() {
        return templates;
    }

    /** Templates per category code, in file order. */
    public Map<String, List<Template>> byCategory() {
        Map<String, List<Template>> out = new LinkedHashMap<>();
        for (Template t : templates) {
            out.computeIfAbsent(t.categoryCode(), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    /** Every template filled {@code variants} times; same seed, same texts. */
    public List<LabeledText> fill(int variants, long seed) {
        return fill(templates, variants, seed);
    }

    public List<LabeledText> fill(List<Template> which, int variants, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<LabeledText> out = new ArrayList<>(which.size() * variants);
        for (Template t : which) {
            for (int i = 0; i < variants; i++) {
                out.add(new LabeledText(fill(t.text(), r), t.categoryCode()));
            }
        }
        return out;
    }

    /**
     * Holds out the last template of every category that has at least three (so at least two remain to learn from);
     * categories with fewer are in the training set only. Both sides are filled {@code variants} times.
     */
    public Split byTemplate(int variants, long seed) {
        List<Template> train = new ArrayList<>();
        List<Template> test = new ArrayList<>();
        for (List<Template> group : byCategory().values()) {
            if (group.size() >= 3) {
                train.addAll(group.subList(0, group.size() - 1));
                test.add(group.get(group.size() - 1));
            } else {
                train.addAll(group);
            }
        }
        return new Split(fill(train, variants, seed), fill(test, variants, seed + 1));
    }

    /** A random split of filled texts (templates shared by both sides): the optimistic, in-distribution figure. */
    public Split byText(int variants, double testShare, long seed) {
        List<LabeledText> all = new ArrayList<>(fill(variants, seed));
        Collections.shuffle(all, new java.util.Random(seed));
        int test = (int) Math.round(all.size() * testShare);
        return new Split(List.copyOf(all.subList(test, all.size())), List.copyOf(all.subList(0, test)));
    }

    /** One filling of a template's text (placeholders replaced), e.g. to generate texts row by row. */
    public String fill(Template template, SplittableRandom r) {
        return fill(template.text(), r);
    }

    private String fill(String template, SplittableRandom r) {
        Community community = communities.get(r.nextInt(communities.size()));
        String street = District.licheng().street(community.streetCode()).name();
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
                case "community" -> sb.append(community.name());
                case "street" -> sb.append(street);
                case "company" -> sb.append(companies.get(r.nextInt(companies.size())));
                case "road" -> sb.append(roads.get(r.nextInt(roads.size())));
                case "days" -> sb.append(1 + r.nextInt(60));
                case "amount" -> sb.append(100 * (1 + r.nextInt(500)));
                case "people" -> sb.append(2 + r.nextInt(80));
                default -> throw new IllegalStateException("unknown placeholder {" + key + "} in " + template);
            }
            i = close + 1;
        }
        return sb.toString();
    }
}
