package org.gridgov.simulator.generator;

import java.time.LocalDate;
import java.util.List;
import org.gridgov.common.validation.IdCardNumber;

/**
 * The population. Person {@code i} is a pure function of the seed and {@code i}, so nobody is stored: indices below
 * {@link #members()} are the residents who recur across sources; higher indices are people who appear once.
 *
 * <p>ID cards and phones are unique per index: the index goes through a multiplicative bijection onto the space of
 * (region, birth date, sequence) and onto the phone space. Uniqueness matters because an accidental duplicate would
 * turn two strangers into one "repeat petitioner" and break the exact ground truth.
 */
final class PersonPool {

    static final String HOME_REGION = "370112";
    /** 历下区, 天桥区, 章丘区: people registered elsewhere in 济南 who live or work in 历城. */
    private static final String[] OTHER_REGIONS = {"370102", "370105", "370181"};

    private static final int HOME_SEQUENCES = 1000;
    private static final int OTHER_SEQUENCES = 200;
    private static final LocalDate BIRTH_START = LocalDate.of(1950, 1, 1);
    /** Days from 1950-01-01 to 2004-12-31 inclusive. */
    private static final int BIRTH_DAYS = 20089;
    /** Size of the ID-card space: 62.5 % of it has the home region. */
    static final long ID_SPACE = (long) BIRTH_DAYS * (HOME_SEQUENCES + OTHER_REGIONS.length * OTHER_SEQUENCES);

    private static final String[] MOBILE_PREFIXES = {
        "135", "136", "137", "138", "139", "150", "158", "176", "186", "188"
    };
    private static final long PHONE_SPACE = MOBILE_PREFIXES.length * 100_000_000L;

    private final long seed;
    private final int members;
    private final int gridCount;
    private final ReferenceData ref;
    private final long idMultiplier;
    private final long idOffset;
    private final long phoneMultiplier;
    private final long phoneOffset;
    private final List<String> singleGivenNames;

    PersonPool(long seed, int members, int gridCount, ReferenceData ref) {
        if (members > ID_SPACE / 4) {
            throw new IllegalArgumentException("population of " + members + " is too large");
        }
        this.seed = seed;
        this.members = members;
        this.gridCount = gridCount;
        this.ref = ref;
        this.idMultiplier = coprime(Math.floorMod(Seeds.mix(seed, 11, 0), ID_SPACE / 2) + ID_SPACE / 3, ID_SPACE);
        this.idOffset = Math.floorMod(Seeds.mix(seed, 12, 0), ID_SPACE);
        this.phoneMultiplier =
                coprime(Math.floorMod(Seeds.mix(seed, 13, 0), PHONE_SPACE / 2) + PHONE_SPACE / 3, PHONE_SPACE);
        this.phoneOffset = Math.floorMod(Seeds.mix(seed, 14, 0), PHONE_SPACE);
        this.singleGivenNames =
                ref.givenNames.stream().filter(n -> n.length() == 1).toList();
    }

    /** Number of recurring residents (indices {@code 0..members-1}). */
    int members() {
        return members;
    }

    /** How many distinct people exist in total; indices at or above this would repeat ID cards. */
    static long capacity() {
        return ID_SPACE;
    }

    Person member(int i) {
        if (i < 0 || i >= members) {
            throw new IndexOutOfBoundsException("member " + i + " of " + members);
        }
        return person(i);
    }

    Person person(long index) {
        if (index < 0 || index >= ID_SPACE) {
            throw new IllegalStateException("population exhausted: person " + index + " of " + ID_SPACE);
        }
        long n = Math.floorMod(index * idMultiplier + idOffset, ID_SPACE);
        int birthDay = (int) (n % BIRTH_DAYS);
        int rest = (int) (n / BIRTH_DAYS);
        String region;
        int sequence;
        if (rest < HOME_SEQUENCES) {
            region = HOME_REGION;
            sequence = rest;
        } else {
            region = OTHER_REGIONS[(rest - HOME_SEQUENCES) / OTHER_SEQUENCES];
            sequence = (rest - HOME_SEQUENCES) % OTHER_SEQUENCES;
        }
        String idCard = IdCardNumber.of(region, BIRTH_START.plusDays(birthDay), sequence);
        long p = Math.floorMod(index * phoneMultiplier + phoneOffset, PHONE_SPACE);
        String digits = Long.toString(100_000_000L + p % 100_000_000L).substring(1);
        String phone = MOBILE_PREFIXES[(int) (p / 100_000_000L)] + digits;
        long h = Seeds.mix(seed, 15, index);
        String name = name(h);
        int homeGrid = (int) Math.floorMod(h >>> 24, (long) gridCount);
        return new Person(name, idCard, phone, homeGrid);
    }

    /**
     * Surname and a given name from given_names.tsv; a one-character given name is sometimes doubled up with a
     * second one (伟 + 强), as two-character names are the most common.
     */
    private String name(long h) {
        long x = h & 0xFFFFFFL;
        String surname = ref.surnames.get((int) (x % ref.surnames.size()));
        x /= ref.surnames.size();
        String given = ref.givenNames.get((int) (x % ref.givenNames.size()));
        if (given.length() == 1 && !singleGivenNames.isEmpty() && (h >>> 56) % 10 < 4) {
            given += singleGivenNames.get((int) ((h >>> 40) % singleGivenNames.size()));
        }
        return surname + given;
    }

    private static long coprime(long start, long modulus) {
        long a = start;
        while (gcd(a, modulus) != 1) {
            a++;
        }
        return a;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
