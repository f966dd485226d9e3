package org.gridgov.simulator.generator;

import org.gridgov.common.model.SourceType;

/** The ways a deliberately broken record is broken; each invalid record has exactly one. */
public enum Defect {
    /** ID card whose check character is wrong. */
    BAD_ID_CARD_CHECKSUM,
    /** A required field removed (every other time the record id, so the record has no key). */
    MISSING_REQUIRED_FIELD,
    /** Coordinates in Beijing (39.9, 116.4), outside 历城区. */
    OUTSIDE_DISTRICT,
    /** Event time {@code 2024-13-45 25:61}. */
    MALFORMED_TIME,
    /** An enum field (channel, form, status, incident type, kind) with a value no system exports. */
    UNKNOWN_ENUM_VALUE,
    /** A category code not in the catalogue; only sources that carry a category. */
    UNKNOWN_CATEGORY,
    /** The line cut in half, as a crashed exporter leaves it. */
    NOT_JSON,
    /** Content longer than 2000 characters (for arrears, which have no content: the project name). */
    OVERSIZED_CONTENT;

    public boolean appliesTo(SourceType source) {
        return this != UNKNOWN_CATEGORY
                || source == SourceType.HOTLINE
                || source == SourceType.PETITION
                || source == SourceType.GRID;
    }
}
