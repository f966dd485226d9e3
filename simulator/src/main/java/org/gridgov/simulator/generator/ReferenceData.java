package org.gridgov.simulator.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridgov.common.io.Tsv;
import org.gridgov.common.model.GridRecordKind;
import org.gridgov.common.model.IncidentType;

/**
 * The reference tables the generator draws from: complaint templates, companies and roads from common's
 * {@code gridgov/*.tsv} (the platform reads them too), plus this module's surnames, rising topics, given names, police,
 * grid and project texts ({@code gridgov/simulator/*.tsv}, which only the generator reads). Loaded once; immutable.
 */
final class ReferenceData {

    /** A complaint text with placeholders, the category it belongs to and when it may be used. */
    record ComplaintTemplate(String categoryCode, Season season, String text) {}

    /** A topic planted as a rising hotspot; its text contains the topic word verbatim. */
    record TopicTemplate(String word, String categoryCode, String text) {}

    record Company(String name, String industry) {}

    static final String CONSTRUCTION = "建筑";

    private static final ReferenceData STANDARD = load();

    final List<ComplaintTemplate> complaints;
    final List<TopicTemplate> topics;
    final List<Company> companies;
    final Map<String, List<Company>> companiesByIndustry;
    final List<String> roads;
    final List<String> surnames;
    final List<String> givenNames;
    final Map<IncidentType, List<String>> policeTexts;
    final Map<GridRecordKind, List<String>> gridTexts;
    final Map<String, List<String>> projectTexts;

    private ReferenceData(
            List<ComplaintTemplate> complaints,
            List<TopicTemplate> topics,
            List<Company> companies,
            List<String> roads,
            List<String> surnames,
            List<String> givenNames,
            Map<IncidentType, List<String>> policeTexts,
            Map<GridRecordKind, List<String>> gridTexts,
            Map<String, List<String>> projectTexts) {
        this.complaints = List.copyOf(complaints);
        this.topics = List.copyOf(topics);
        this.companies = List.copyOf(companies);
        Map<String, List<Company>> byIndustry = new LinkedHashMap<>();
        for (Company c : companies) {
            byIndustry.computeIfAbsent(c.industry(), k -> new ArrayList<>()).add(c);
        }
        byIndustry.replaceAll((k, v) -> List.copyOf(v));
        this.companiesByIndustry = Collections.unmodifiableMap(byIndustry);
        this.roads = List.copyOf(roads);
        this.surnames = List.copyOf(surnames);
        this.givenNames = List.copyOf(givenNames);
        this.policeTexts = Collections.unmodifiableMap(policeTexts);
        this.gridTexts = Collections.unmodifiableMap(gridTexts);
        this.projectTexts = Collections.unmodifiableMap(projectTexts);
        for (IncidentType t : IncidentType.values()) {
            require(!policeTexts.getOrDefault(t, List.of()).isEmpty(), "no police text for " + t);
        }
        require(!gridTexts.getOrDefault(GridRecordKind.PATROL, List.of()).isEmpty(), "no patrol text");
        require(!gridTexts.getOrDefault(GridRecordKind.VISIT, List.of()).isEmpty(), "no visit text");
        require(!gridTexts.getOrDefault(GridRecordKind.MEDIATION, List.of()).isEmpty(), "no mediation text");
        require(!companiesByIndustry.getOrDefault(CONSTRUCTION, List.of()).isEmpty(), "no construction company");
        require(!topics.isEmpty(), "no rising topics");
    }

    static ReferenceData standard() {
        return STANDARD;
    }

    private static ReferenceData load() {
        List<ComplaintTemplate> complaints = Tsv.read("gridgov/complaints.tsv").stream()
                .map(r -> new ComplaintTemplate(r.get("level2_code"), Season.valueOf(r.get("season")), r.get("text")))
                .toList();
        List<TopicTemplate> topics = Tsv.read("gridgov/simulator/rising_topics.tsv").stream()
                .map(r -> new TopicTemplate(r.get("topic_word"), r.get("level2_code"), r.get("text")))
                .toList();
        for (TopicTemplate t : topics) {
            require(t.text().contains(t.word()), "rising topic text lacks its word: " + t.word());
        }
        List<Company> companies = Tsv.read("gridgov/companies.tsv").stream()
                .map(r -> new Company(r.get("company_name"), r.get("industry")))
                .toList();
        Map<IncidentType, List<String>> police = new EnumMap<>(IncidentType.class);
        for (Map<String, String> r : Tsv.read("gridgov/simulator/police_texts.tsv")) {
            police.computeIfAbsent(IncidentType.valueOf(r.get("incident_type")), k -> new ArrayList<>())
                    .add(r.get("text"));
        }
        Map<GridRecordKind, List<String>> grid = new EnumMap<>(GridRecordKind.class);
        for (Map<String, String> r : Tsv.read("gridgov/simulator/grid_texts.tsv")) {
            grid.computeIfAbsent(GridRecordKind.valueOf(r.get("kind")), k -> new ArrayList<>())
                    .add(r.get("text"));
        }
        Map<String, List<String>> projects = new LinkedHashMap<>();
        for (Map<String, String> r : Tsv.read("gridgov/simulator/arrears_projects.tsv")) {
            projects.computeIfAbsent(r.get("industry"), k -> new ArrayList<>()).add(r.get("text"));
        }
        return new ReferenceData(
                complaints,
                topics,
                companies,
                Tsv.column("gridgov/roads.tsv"),
                Tsv.column("gridgov/simulator/surnames.tsv"),
                Tsv.column("gridgov/simulator/given_names.tsv"),
                police,
                grid,
                projects);
    }

    List<Company> companies(String industry) {
        return companiesByIndustry.getOrDefault(industry, companies);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("reference data: " + message);
        }
    }
}
