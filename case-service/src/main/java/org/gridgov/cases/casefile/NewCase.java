package org.gridgov.cases.casefile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A report (上报). Location is a point (located to a grid by point-in-polygon), a grid code, or an address that
 * names a community; the category may be left out, then the classifier's suggestion is taken.
 */
public record NewCase(
        @Size(max = 100) String title,
        @NotBlank @Size(max = 2000) String description,
        @NotNull CaseChannel channel,
        @Size(max = 16) String categoryCode,
        Double latitude,
        Double longitude,
        @Size(max = 32) String gridCode,
        @Size(max = 200) String address,
        @Min(1) @Max(3) Integer urgency,
        @Size(max = 64) String reporterName,
        @Size(max = 32) String reporterPhone,
        boolean selfHandled) {
}
