package org.gridgov.simulator.evaluation;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gridgov.common.district.CategoryCatalog;
import org.gridgov.common.district.District;
import org.gridgov.common.district.Grid;
import org.gridgov.common.identity.CompanyNames;
import org.gridgov.common.json.Json;
import org.gridgov.common.model.CaseStatus;
import org.gridgov.common.model.Channel;
import org.gridgov.common.model.HotlineCase;
import org.gridgov.common.model.IncidentType;
import org.gridgov.common.model.Petition;
import org.gridgov.common.model.PetitionForm;
import org.gridgov.common.model.PoliceIncident;
import org.gridgov.common.model.SourceRecord;
import org.gridgov.common.model.SourceType;
import org.gridgov.simulator.evaluation.Residents.IdSpelling;
import org.gridgov.simulator.evaluation.Residents.Resident;
import org.gridgov.simulator.generator.Defect;
import org.gridgov.simulator.generator.GroundTruth;

/**
 * A second, independent source of scenarios for measuring the alert rules: its own seed, residents, companies and
 * code path (it shares only the record types and the ground truth's format with the demo generator), and a world that
 * is not kept clean. Beside the planted incidents it places hard negatives at every rule's edge — 2 petitions in 30
 * days, 3 in 31 days, 4 persons in 6 hours, 5 persons in 6 h 01 min, 3 calls on 3 categories, calls spread over 31
 * days, cases closed a minute before their deadline, two companies whose names differ in one character — look-alike
 * persons (namesakes with another card), the same person under several spellings of card, phone and name, one
 * company written two ways, mistyped cards (rejected records), a noisy background of single events, police records
 * with only a phone, records out of order by minutes and a few days late.
 *
 * <p>The ground truth follows the rules' definitions over the records the platform can read (valid, and not behind
 * the watermark by more than the allowed lateness): a phone-only police record of a key person is not a planted
 * cross-source hit, since the alert job keys persons by ID card and does not link phones (see {@code PhoneLinks}).
 */
public final class EvaluationSetGenerator {

    private static final String[] COMPANIES = {
        "济南华强建筑工程有限公司",
        "山东鼎盛（集团）建设有限公司",
        "济南顺通物流有限公司",
        "济南美家物业服务有限公司",
        "山东宏远装饰工程有限公司",
        "济南鲁味餐饮管理有限公司",
        "济南新城市政工程有限公司",
        "山东佳和（集团）置业有限公司",
        "济南安居家政服务有限公司",
        "济南长青机械制造有限公司",
        "山东利达劳务派遣有限公司",
        "济南金桥建筑劳务有限公司"
    };
    /** Near misses of the companies above: one character differs, so they are other employers. */
    private static final String[] OTHER_COMPANIES = {"济南华强建材工程有限公司", "山东鼎盛（集团）建材有限公司", "济南顺达物流有限公司", "济南美佳物业服务有限公司"};

    private static final String[] PETITION_CATEGORIES = {"C0701", "C0103", "C0104", "C0901", "C0702"};
    private static final String[] CALL_CATEGORIES = {"C0101", "C0102", "C0105", "C0106", "C0201", "C0305"};
    private static final long LATE_DAYS = 2;
    /** Share of background records that write a card or phone another way. */
    private static final int NOISY_PERCENT = 15;

    private final EvaluationSpec spec;
    private final SplittableRandom random;
    private final Residents residents;
    private final List<Grid> grids = District.licheng().grids();
    private final List<Draft> drafts = new ArrayList<>();
    private final Map<String, Integer> hardNegatives = new LinkedHashMap<>();
    private final List<GroundTruth.RepeatPetitioner> repeatPetitioners = new ArrayList<>();
    private final List<GroundTruth.GroupPetition> groupPetitions = new ArrayList<>();
    private final List<GroundTruth.RepeatCaller> repeatCallers = new ArrayList<>();
    private final List<GroundTruth.CrossSourcePerson> crossSource = new ArrayList<>();
    private final List<String> invalidIds = new ArrayList<>();
    private int serial;

    /** A record before it is written: the record, whether it is valid, and how late it arrives. */
    private record Draft(SourceType source, SourceRecord record, boolean valid, long delaySeconds) {}

    public EvaluationSetGenerator(EvaluationSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        this.residents = new Residents(random.split());
    }

    public EvaluationSet generate() {
        List<Resident> repeatPetitionerList = repeatPetitions();
        petitionHardNegatives(repeatPetitionerList);
        groupPetitions();
        repeatCalls();
        background();
        return assemble();
    }

    // ---- repeat petitions and cross-source -------------------------------------------------------------------

    private List<Resident> repeatPetitions() {
        List<Resident> planted = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Resident r = residents.next();
            planted.add(r);
            String category = PETITION_CATEGORIES[i % PETITION_CATEGORIES.length];
            int count = 3 + i % 3;
            LocalDateTime first = time(random.nextInt(5, 25), 9);
            List<LocalDateTime> times = new ArrayList<>();
            times.add(first);
            for (int k = 1; k < count - 1; k++) {
                times.add(first.plusMinutes(random.nextLong(60, 28L * 24 * 60)));
            }
            // the last within 30 days of the first, and for some exactly at 29 days 23 hours: inside the window
            times.add(
                    i % 4 == 0
                            ? first.plusDays(29).plusHours(23)
                            : first.plusMinutes(random.nextLong(60, 29L * 24 * 60)));
            times.sort(null);
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < times.size(); k++) {
                // every other petition under another spelling of the card: the same person to the platform
                IdSpelling s = k % 2 == 0 ? IdSpelling.CANONICAL : Residents.variant(i + k);
                ids.add(petition(
                        r,
                        Residents.idCard(r, s),
                        Residents.name(r, i + k),
                        k % 3 == 0 ? Residents.phone(r, i + k) : null,
                        category,
                        null,
                        times.get(k),
                        true));
            }
            if (i % 8 == 1) {
                // one more petition with a mistyped card: rejected, so it is no evidence
                invalid(petitionRecord(
                        r,
                        residents.mistyped(r),
                        r.name(),
                        null,
                        category,
                        null,
                        times.get(0).plusDays(1)));
                count(" mistyped ID cards (rejected records)");
            }
            repeatPetitioners.add(new GroundTruth.RepeatPetitioner(r.idCard(), r.name(), category, ids));
            if (i % 3 == 0) {
                crossSource(r, i, times);
            }
        }
        return planted;
    }

    private void crossSource(Resident r, int i, List<LocalDateTime> petitionTimes) {
        List<String> incidents = new ArrayList<>();
        // after the third petition made the person key, and for some 10 days before the first (within the lookback)
        LocalDateTime afterKey =
                petitionTimes.get(2).plusDays(random.nextInt(1, 20)).plusHours(3);
        incidents.add(incident(
                r,
                Residents.idCard(r, Residents.variant(i)),
                Residents.name(r, i + 1),
                afterKey,
                IncidentType.DISPUTE,
                true));
        if (i % 6 == 0) {
            incidents.add(
                    incident(r, r.idCard(), r.name(), petitionTimes.get(0).minusDays(10), IncidentType.FIGHT, true));
        }
        // a police record of the same person with only the phone: not linkable by the alert job, so not planted
        phoneOnlyIncident(r, afterKey.plusDays(1));
        count("phone-only police records of key persons (not planted)");
        crossSource.add(new GroundTruth.CrossSourcePerson(
                r.idCard(), repeatPetitioners.get(repeatPetitioners.size() - 1).petitionIds(), incidents));
    }

    private void petitionHardNegatives(List<Resident> planted) {
        for (int i = 0; i < 12; i++) {
            // two petitions within 30 days, the second under another spelling of the card
            Resident r = residents.next();
            LocalDateTime first = time(random.nextInt(0, 30), 10);
            petition(r, r.idCard(), r.name(), null, "C0701", null, first, true);
            petition(
                    r,
                    Residents.idCard(r, Residents.variant(i)),
                    Residents.name(r, i),
                    null,
                    "C0701",
                    null,
                    first.plusDays(random.nextInt(1, 29)),
                    true);
            count("2 petitions in 30 days");
            if (i % 3 == 0) {
                // a police incident of a person who is not (yet) a key person
                incident(r, r.idCard(), r.name(), first.plusDays(2), IncidentType.DISPUTE, true);
                count("police incidents of persons with 2 petitions");
            }
        }
        for (int i = 0; i < 12; i++) {
            // three petitions, but the first and the third 31 days apart and the middle one 15.5 days from each
            Resident r = residents.next();
            LocalDateTime first = time(random.nextInt(0, 25), 9);
            petition(r, r.idCard(), r.name(), null, "C0103", null, first, true);
            petition(
                    r,
                    Residents.idCard(r, Residents.variant(i)),
                    r.name(),
                    null,
                    "C0103",
                    null,
                    first.plusDays(15).plusHours(12),
                    true);
            petition(
                    r,
                    r.idCard(),
                    r.name(),
                    null,
                    "C0103",
                    null,
                    first.plusDays(31).plusMinutes(1),
                    true);
            count("3 petitions in 31 days");
        }
        for (int i = 0; i < planted.size(); i += 2) {
            // a namesake of a repeat petitioner: same name, another card and phone, one petition and one incident
            Resident namesake = residents.named(planted.get(i).name());
            LocalDateTime t = time(random.nextInt(5, 50), 14);
            petition(
                    namesake, namesake.idCard(), namesake.name(), Residents.phone(namesake, i), "C0701", null, t, true);
            incident(namesake, namesake.idCard(), namesake.name(), t.plusDays(3), IncidentType.DISPUTE, true);
            count("namesakes of repeat petitioners");
        }
    }

    // ---- group petitions -------------------------------------------------------------------------------------

    private void groupPetitions() {
        for (int g = 0; g < 10; g++) {
            String company = COMPANIES[g];
            int persons = 5 + g % 4;
            LocalDateTime start = time(3 + g * 5, 8).plusMinutes(random.nextInt(0, 90));
            List<String> ids = new ArrayList<>();
            List<String> cards = new ArrayList<>();
            for (int p = 0; p < persons; p++) {
                Resident r = residents.next();
                // spread over 5 h 59 min at most; every other group writes the company two ways
                LocalDateTime t = p == persons - 1 && g % 3 == 0
                        ? start.plusHours(5).plusMinutes(59)
                        : start.plusMinutes(random.nextLong(0, 5 * 60));
                String written = g % 2 == 0 && p % 2 == 1 ? otherSpelling(company) : company;
                ids.add(petition(
                        r,
                        Residents.idCard(r, p % 3 == 0 ? Residents.variant(g + p) : IdSpelling.CANONICAL),
                        Residents.name(r, p),
                        null,
                        "C0702",
                        written,
                        t,
                        true));
                cards.add(r.idCard());
                if (p == 0 && g % 4 == 1) {
                    // the same person petitions again in the window: still one person
                    ids.add(petition(
                            r,
                            Residents.idCard(r, Residents.variant(g)),
                            r.name(),
                            null,
                            "C0702",
                            company,
                            t.plusMinutes(30),
                            true));
                }
            }
            if (g % 2 == 0) {
                count("groups that write their company two ways");
            }
            groupPetitions.add(groupTruth(company, ids, cards));
        }
        for (int g = 0; g < 8; g++) {
            // four persons within 6 hours, one of them petitioning twice under two spellings
            String company = COMPANIES[10 + g % 2];
            LocalDateTime start = time(2 + g * 7, 9);
            for (int p = 0; p < 4; p++) {
                Resident r = residents.next();
                LocalDateTime t = start.plusMinutes(p * 70L);
                petition(r, r.idCard(), r.name(), null, "C0702", company, t, true);
                if (p == 0) {
                    petition(
                            r,
                            Residents.idCard(r, Residents.variant(g)),
                            Residents.name(r, 1),
                            null,
                            "C0702",
                            otherSpelling(company),
                            t.plusMinutes(20),
                            true);
                }
            }
            count("4 persons in 6 hours");
        }
        for (int g = 0; g < 8; g++) {
            // five persons, but the fifth 6 h 01 min after the first and no five within 6 hours
            String company = COMPANIES[10 + g % 2];
            LocalDateTime start = time(5 + g * 7, 8);
            long[] minutes = {0, 60, 120, 180, 361};
            for (long m : minutes) {
                Resident r = residents.next();
                petition(r, r.idCard(), r.name(), null, "C0702", company, start.plusMinutes(m), true);
            }
            count("5 persons in 6 h 01 min");
        }
        for (int g = 0; g < 4; g++) {
            // two companies whose names differ in one character, three persons each, within the same hours
            LocalDateTime start = time(40 + g * 4, 9);
            for (String company : List.of(COMPANIES[g], OTHER_COMPANIES[g])) {
                for (int p = 0; p < 3; p++) {
                    Resident r = residents.next();
                    petition(r, r.idCard(), r.name(), null, "C0702", company, start.plusMinutes(p * 40L + 10), true);
                }
            }
            count("two similar companies, 3 persons each");
        }
        for (int g = 0; g < 6; g++) {
            // one petition registered for a whole group (group_size 8): one person, so no 集访 alert by definition
            Resident r = residents.next();
            petitionWithGroupSize(r, COMPANIES[g], time(10 + g * 6, 10), 8);
            count("single petitions registered for a group");
        }
    }

    private static GroundTruth.GroupPetition groupTruth(String company, List<String> ids, List<String> cards) {
        return new GroundTruth.GroupPetition(CompanyNames.canonical(company), "C0702", null, null, ids, cards);
    }

    /** The company as a second system writes it: half-width parentheses and spaces, or an ideographic space. */
    private static String otherSpelling(String company) {
        return company.contains("（")
                ? company.replace("（", " (").replace("）", ") ")
                : company.substring(0, 2) + " " + company.substring(2) + "\u3000";
    }

    // ---- repeat calls and overdue cases ------------------------------------------------------------------------

    private void repeatCalls() {
        for (int i = 0; i < 15; i++) {
            Resident r = residents.next();
            String category = CALL_CATEGORIES[i % CALL_CATEGORIES.length];
            LocalDateTime first = time(random.nextInt(2, 28), 11);
            int count = 3 + i % 3;
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                LocalDateTime t = k == 0 ? first : first.plusMinutes(random.nextLong(30, 29L * 24 * 60));
                ids.add(call(
                        r,
                        Residents.idCard(r, k % 2 == 0 ? IdSpelling.CANONICAL : Residents.variant(i + k)),
                        Residents.name(r, k),
                        Residents.phone(r, k),
                        category,
                        t,
                        false));
            }
            closeBeforeNextCall(drafts.subList(drafts.size() - count, drafts.size()));
            repeatCallers.add(new GroundTruth.RepeatCaller(r.idCard(), r.phone(), category, ids));
        }
        for (int i = 0; i < 10; i++) {
            Resident r = residents.next();
            LocalDateTime first = time(random.nextInt(0, 40), 15);
            call(r, r.idCard(), r.name(), r.phone(), "C0101", first, false);
            call(
                    r,
                    Residents.idCard(r, Residents.variant(i)),
                    r.name(),
                    r.phone(),
                    "C0101",
                    first.plusDays(random.nextInt(1, 29)),
                    false);
            count("2 calls in 30 days");
        }
        for (int i = 0; i < 10; i++) {
            Resident r = residents.next();
            LocalDateTime first = time(random.nextInt(0, 40), 16);
            for (int k = 0; k < 3; k++) {
                call(r, r.idCard(), r.name(), r.phone(), CALL_CATEGORIES[k], first.plusDays(k * 3L), false);
            }
            count("3 calls on 3 categories");
        }
        for (int i = 0; i < 8; i++) {
            Resident r = residents.next();
            LocalDateTime first = time(random.nextInt(0, 25), 17);
            call(r, r.idCard(), r.name(), r.phone(), "C0105", first, false);
            call(r, r.idCard(), r.name(), r.phone(), "C0105", first.plusDays(15).plusHours(12), false);
            call(
                    r,
                    Residents.idCard(r, Residents.variant(i)),
                    r.name(),
                    r.phone(),
                    "C0105",
                    first.plusDays(31).plusMinutes(1),
                    false);
            count("3 calls in 31 days");
        }
    }

    // ---- background --------------------------------------------------------------------------------------------

    private void background() {
        for (int i = 0; i < spec.backgroundCalls(); i++) {
            Resident r = residents.next();
            LocalDateTime t = time(random.nextInt(0, spec.days() - 7), 8).plusMinutes(random.nextInt(0, 11 * 60));
            String category = CALL_CATEGORIES[random.nextInt(CALL_CATEGORIES.length)];
            boolean anonymous = random.nextInt(4) == 0;
            if (random.nextInt(60) == 0) {
                invalid(callRecord(r, residents.mistyped(r), r.name(), r.phone(), category, t, false));
                count(" mistyped ID cards (rejected records)");
                continue;
            }
            call(
                    r,
                    anonymous ? null : Residents.idCard(r, backgroundSpelling(i)),
                    anonymous ? null : r.name(),
                    random.nextInt(100) < NOISY_PERCENT ? Residents.phone(r, i) : r.phone(),
                    category,
                    t,
                    true);
            if (random.nextInt(5) == 0) {
                // a second call of the same resident on another category
                String other =
                        CALL_CATEGORIES[(List.of(CALL_CATEGORIES).indexOf(category) + 1) % CALL_CATEGORIES.length];
                call(
                        r,
                        anonymous ? null : r.idCard(),
                        r.name(),
                        r.phone(),
                        other,
                        t.plusDays(random.nextInt(1, 6)),
                        true);
            }
        }
        for (int i = 0; i < spec.backgroundPetitions(); i++) {
            Resident r = residents.next();
            LocalDateTime t = time(random.nextInt(0, spec.days() - 1), 9).plusMinutes(random.nextInt(0, 8 * 60));
            if (random.nextInt(60) == 0) {
                invalid(petitionRecord(r, residents.mistyped(r), r.name(), null, "C0901", null, t));
                count(" mistyped ID cards (rejected records)");
                continue;
            }
            // a background company is named by one person only, so no 集访 can form by chance
            String company = random.nextInt(5) == 0 ? "济南背景" + i + "号商贸有限公司" : null;
            Draft d = draft(
                    SourceType.PETITION,
                    petitionRecord(
                            r,
                            Residents.idCard(r, backgroundSpelling(i)),
                            Residents.name(r, i),
                            null,
                            PETITION_CATEGORIES[random.nextInt(PETITION_CATEGORIES.length)],
                            company,
                            t),
                    true,
                    lateOrOutOfOrder());
            drafts.add(d);
        }
        for (int i = 0; i < spec.backgroundIncidents(); i++) {
            Resident r = residents.next();
            LocalDateTime t = time(random.nextInt(0, spec.days() - 1), 0).plusMinutes(random.nextInt(0, 24 * 60));
            if (random.nextInt(5) < 2) {
                phoneOnlyIncident(r, t);
            } else {
                IncidentType type = IncidentType.values()[random.nextInt(IncidentType.values().length)];
                drafts.add(draft(
                        SourceType.POLICE,
                        incidentRecord(r, Residents.idCard(r, backgroundSpelling(i)), r.name(), t, type),
                        true,
                        lateOrOutOfOrder()));
            }
        }
    }

    /**
     * How a background record writes its card: canonical in most, another spelling (15 digits, full-width, spaces,
     * lower-case x) in {@value #NOISY_PERCENT} %, a rate of old and hand-typed cards in merged source systems.
     */
    private IdSpelling backgroundSpelling(int i) {
        return random.nextInt(100) < NOISY_PERCENT ? Residents.variant(i) : IdSpelling.CANONICAL;
    }

    /** Most background records arrive in time; 10 % up to 9 minutes out of order, 1 % two days late. */
    private long lateOrOutOfOrder() {
        int dice = random.nextInt(100);
        if (dice == 0) {
            count("background records two days late");
            return LATE_DAYS * 24 * 3600;
        }
        return dice <= 10 ? random.nextLong(60, 9 * 60) : 0;
    }

    // ---- records -----------------------------------------------------------------------------------------------

    private String petition(
            Resident r,
            String idCard,
            String name,
            String phone,
            String category,
            String company,
            LocalDateTime t,
            boolean valid) {
        Petition p = petitionRecord(r, idCard, name, phone, category, company, t);
        // scenario records may be out of order by up to 9 minutes, never later than the allowed lateness
        drafts.add(draft(SourceType.PETITION, p, valid, random.nextInt(8) == 0 ? random.nextLong(60, 9 * 60) : 0));
        return p.petitionId();
    }

    private Petition petitionRecord(
            Resident r, String idCard, String name, String phone, String category, String company, LocalDateTime t) {
        Grid grid = grid();
        return new Petition(
                1,
                "EVXF" + String.format("%06d", ++serial),
                name,
                idCard,
                phone,
                PetitionForm.values()[serial % PetitionForm.values().length],
                category,
                "反映" + (company != null ? company + "拖欠工资" : "邻里纠纷长期未解决") + "问题，要求尽快处理。",
                company,
                1,
                grid.anchor().getY(),
                grid.anchor().getX(),
                t);
    }

    private void petitionWithGroupSize(Resident r, String company, LocalDateTime t, int groupSize) {
        Grid grid = grid();
        Petition p = new Petition(
                1,
                "EVXF" + String.format("%06d", ++serial),
                r.name(),
                r.idCard(),
                null,
                PetitionForm.VISIT,
                "C0702",
                "代表" + groupSize + "名工人反映" + company + "拖欠工资。",
                company,
                groupSize,
                grid.anchor().getY(),
                grid.anchor().getX(),
                t);
        drafts.add(draft(SourceType.PETITION, p, true, 0));
    }

    private String call(
            Resident r,
            String idCard,
            String name,
            String phone,
            String category,
            LocalDateTime t,
            boolean background) {
        HotlineCase c = callRecord(r, idCard, name, phone, category, t, background);
        drafts.add(draft(SourceType.HOTLINE, c, true, random.nextInt(10) == 0 ? random.nextLong(60, 9 * 60) : 0));
        return c.caseId();
    }

    /**
     * A 12345 case as its platform exports it once closed: 8 % closed after the deadline (overdue), 10 % closed 1 to
     * 60 minutes before it (hard negatives), some still open without a reply (nothing proves them overdue).
     */
    private HotlineCase callRecord(
            Resident r,
            String idCard,
            String name,
            String phone,
            String category,
            LocalDateTime accept,
            boolean background) {
        Grid grid = grid();
        LocalDateTime deadline = accept.plusDays(5);
        int dice = random.nextInt(100);
        CaseStatus status = CaseStatus.CLOSED;
        LocalDateTime reply;
        LocalDateTime close;
        if (dice < 8) {
            close = deadline.plusMinutes(random.nextLong(1, 2 * 24 * 60));
            reply = close.minusHours(2);
        } else if (dice < 18) {
            close = deadline.minusMinutes(random.nextLong(1, 61));
            reply = close.minusHours(1);
            if (background) {
                count("cases closed 1–60 minutes before their deadline");
            }
        } else if (dice < 22) {
            status = CaseStatus.ACCEPTED;
            reply = null;
            close = null;
        } else {
            close = accept.plusHours(random.nextLong(2, 4 * 24));
            reply = close.minusHours(1);
        }
        return new HotlineCase(
                1,
                "EVRX" + String.format("%06d", ++serial),
                Channel.PHONE,
                category,
                "来电反映" + CategoryCatalog.standard().get(category).name() + "问题，请相关部门处理。",
                name,
                phone,
                idCard,
                grid.anchor().getY(),
                grid.anchor().getX(),
                null,
                null,
                accept,
                deadline,
                status,
                reply,
                close,
                status == CaseStatus.CLOSED ? 4 : null);
    }

    private String incident(Resident r, String idCard, String name, LocalDateTime t, IncidentType type, boolean valid) {
        PoliceIncident i = incidentRecord(r, idCard, name, t, type);
        drafts.add(draft(SourceType.POLICE, i, valid, 0));
        return i.incidentId();
    }

    private void phoneOnlyIncident(Resident r, LocalDateTime t) {
        PoliceIncident i = new PoliceIncident(
                1,
                "EVJQ" + String.format("%06d", ++serial),
                IncidentType.DISPUTE,
                Residents.name(r, serial),
                null,
                Residents.phone(r, serial),
                "报警人称与他人发生纠纷。",
                grid().anchor().getY(),
                grid().anchor().getX(),
                t);
        drafts.add(draft(SourceType.POLICE, i, true, 0));
    }

    private PoliceIncident incidentRecord(Resident r, String idCard, String name, LocalDateTime t, IncidentType type) {
        Grid grid = grid();
        return new PoliceIncident(
                1,
                "EVJQ" + String.format("%06d", ++serial),
                type,
                name,
                idCard,
                null,
                "接报" + type.label() + "警情，民警到场处置。",
                grid.anchor().getY(),
                grid.anchor().getX(),
                t);
    }

    private void invalid(SourceRecord record) {
        SourceType source = record instanceof Petition
                ? SourceType.PETITION
                : record instanceof HotlineCase ? SourceType.HOTLINE : SourceType.POLICE;
        drafts.add(draft(source, record, false, 0));
        invalidIds.add(record.recordId());
    }

    private static Draft draft(SourceType source, SourceRecord record, boolean valid, long delaySeconds) {
        return new Draft(source, record, valid, delaySeconds);
    }

    private Grid grid() {
        return grids.get(random.nextInt(grids.size()));
    }

    private LocalDateTime time(int day, int hour) {
        return spec.firstDay().plusDays(day).atTime(hour, 0);
    }

    private void count(String kind) {
        hardNegatives.merge(kind.trim(), 1, Integer::sum);
    }

    // ---- assembly ----------------------------------------------------------------------------------------------

    private EvaluationSet assemble() {
        List<EvaluationRecord> records = new ArrayList<>();
        Map<SourceType, Long> emitted = new EnumMap<>(SourceType.class);
        Map<SourceType, Long> valid = new EnumMap<>(SourceType.class);
        Map<SourceType, GroundTruth.InvalidRecords> invalid = new EnumMap<>(SourceType.class);
        List<String> overdue = new ArrayList<>();
        for (Draft d : drafts) {
            LocalDateTime t = d.record().eventTime();
            records.add(new EvaluationRecord(
                    d.source(), d.record().recordId(), Json.write(d.record()), t, t.plusSeconds(d.delaySeconds())));
            emitted.merge(d.source(), 1L, Long::sum);
            if (d.valid()) {
                valid.merge(d.source(), 1L, Long::sum);
                if (d.record() instanceof HotlineCase c && overdue(c)) {
                    overdue.add(c.caseId());
                }
            } else {
                invalid.merge(
                        d.source(),
                        new GroundTruth.InvalidRecords(
                                1,
                                Map.of(Defect.BAD_ID_CARD_CHECKSUM, 1L),
                                List.of(d.record().recordId())),
                        EvaluationSetGenerator::add);
            }
        }
        records.sort(Comparator.comparing(EvaluationRecord::arrivalTime).thenComparing(EvaluationRecord::key));
        GroundTruth truth = new GroundTruth(
                null,
                emitted,
                valid,
                invalid,
                repeatPetitioners,
                groupPetitions,
                repeatCallers,
                crossSource,
                new GroundTruth.OverdueCases(
                        "close_time > deadline; or, when close_time "
                                + "is absent, (reply_time, else accept_time) > deadline",
                        overdue),
                new GroundTruth.BigArrears(0, 0, 0, null, List.of()),
                List.of(),
                List.of(),
                List.of());
        return new EvaluationSet(records, truth, hardNegatives);
    }

    /**
     * A planted repeat caller calls about a problem of its own each time (issue 19 part 2: repeat_call counts
     * problems): a case still open when the caller calls again is closed before that call (replied and closed at 30 %
     * and 60 % of the time in between; a case overdue at that call stays overdue), so the loader marks none of the
     * calls as a repeat of an open case. Rewrites the drafts in place; draws no random number.
     */
    private static void closeBeforeNextCall(List<Draft> calls) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> ((HotlineCase) calls.get(i).record()).acceptTime()));
        for (int k = 0; k + 1 < order.size(); k++) {
            Draft d = calls.get(order.get(k));
            HotlineCase c = (HotlineCase) d.record();
            LocalDateTime next = ((HotlineCase) calls.get(order.get(k + 1)).record()).acceptTime();
            if (c.closeTime() != null && c.closeTime().isBefore(next)) {
                continue;
            }
            long gap = java.time.Duration.between(c.acceptTime(), next).toSeconds();
            LocalDateTime close = c.acceptTime().plusSeconds(Math.max(2, gap * 6 / 10));
            if (overdue(c) && next.isAfter(c.deadline().plusMinutes(2))) {
                close = c.deadline().plusMinutes(1);
            } else if (!overdue(c) && close.isAfter(c.deadline().minusMinutes(1))) {
                close = c.deadline().minusMinutes(1); // on time stays on time
            }
            LocalDateTime reply = c.acceptTime().plusSeconds(Math.max(1, gap * 3 / 10));
            if (reply.isAfter(close)) {
                reply = close;
            }
            HotlineCase closed = new HotlineCase(
                    c.schemaVersion(),
                    c.caseId(),
                    c.channel(),
                    c.categoryCode(),
                    c.content(),
                    c.callerName(),
                    c.callerPhone(),
                    c.callerIdCard(),
                    c.latitude(),
                    c.longitude(),
                    c.address(),
                    c.department(),
                    c.acceptTime(),
                    c.deadline(),
                    CaseStatus.CLOSED,
                    reply,
                    close,
                    c.satisfaction() != null ? c.satisfaction() : 4);
            calls.set(order.get(k), new Draft(d.source(), closed, d.valid(), d.delaySeconds()));
        }
    }

    private static boolean overdue(HotlineCase c) {
        LocalDateTime last =
                c.closeTime() != null ? c.closeTime() : c.replyTime() != null ? c.replyTime() : c.acceptTime();
        return last.isAfter(c.deadline());
    }

    private static GroundTruth.InvalidRecords add(GroundTruth.InvalidRecords a, GroundTruth.InvalidRecords b) {
        List<String> ids = new ArrayList<>(a.recordIds());
        ids.addAll(b.recordIds());
        return new GroundTruth.InvalidRecords(
                a.count() + b.count(), Map.of(Defect.BAD_ID_CARD_CHECKSUM, a.count() + b.count()), ids);
    }
}
