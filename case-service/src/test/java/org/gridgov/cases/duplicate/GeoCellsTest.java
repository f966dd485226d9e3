package org.gridgov.cases.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The finder's cells against the database's: a case stored at DECIMAL(9,6) coordinates gets V12's geo_cell, computed
 * here in exact decimal as MariaDB does; every such case inside a 500 m box must be in a cell {@link GeoCells#covering}
 * lists, also on cell borders where binary floating point lands just below.
 */
class GeoCellsTest {

    /** V12's expression in exact decimal arithmetic: FLOOR(latitude * 200) * 100000 + FLOOR(longitude * 200). */
    static long sqlCell(BigDecimal lat, BigDecimal lon) {
        long a = lat.multiply(BigDecimal.valueOf(200))
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        long o = lon.multiply(BigDecimal.valueOf(200))
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        return a * 100_000 + o;
    }

    @Test
    void everyStoredPointInsideTheBoxIsInAListedCell() {
        Random r = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            // probes on and off cell borders (36.685 is a border: 36.685 × 200 = 7337)
            double lat = i % 4 == 0 ? 36.685 : 36.6 + r.nextDouble() * 0.2;
            double lon = i % 5 == 0 ? 117.05 : 117.0 + r.nextDouble() * 0.2;
            double[] box = GeoDistance.box(lat, lon, 500);
            List<Long> cells = GeoCells.covering(box);
            assertThat(cells).hasSizeLessThanOrEqualTo(3 * 4);
            for (int k = 0; k < 20; k++) {
                BigDecimal pLat = BigDecimal.valueOf(box[0] + r.nextDouble() * (box[1] - box[0]))
                        .setScale(6, RoundingMode.HALF_UP);
                BigDecimal pLon = BigDecimal.valueOf(box[2] + r.nextDouble() * (box[3] - box[2]))
                        .setScale(6, RoundingMode.HALF_UP);
                if (pLat.doubleValue() < box[0]
                        || pLat.doubleValue() > box[1]
                        || pLon.doubleValue() < box[2]
                        || pLon.doubleValue() > box[3]) {
                    continue;
                }
                assertThat(cells)
                        .as(pLat + "," + pLon + " in " + java.util.Arrays.toString(box))
                        .contains(sqlCell(pLat, pLon));
            }
            // the box's own corners, at stored precision
            BigDecimal cLat = BigDecimal.valueOf(lat).setScale(6, RoundingMode.HALF_UP);
            BigDecimal cLon = BigDecimal.valueOf(lon).setScale(6, RoundingMode.HALF_UP);
            assertThat(cells).contains(sqlCell(cLat, cLon));
        }
    }

    @Test
    void aPointOnACellBorderBelongsToTheCellAboveAsInSql() {
        assertThat(sqlCell(new BigDecimal("36.685000"), new BigDecimal("117.050000")))
                .isEqualTo(733_723_410L);
        assertThat(GeoCells.covering(GeoDistance.box(36.685, 117.05, 500))).contains(733_723_410L, 733_623_410L);
    }
}
