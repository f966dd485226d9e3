package org.gridgov.cases.casefile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A report (上报). Location is a point (located to a grid by point-in-polygon), a grid code, or an address that
 * names a community; the category may be left out, then the classifier's suggestion is taken.
 *
 * @param publishConsent the reporter agreed that the case, with personal data removed, may be shown by the public
 *                       Open311 GET; only read for citizen channels ({@link CaseChannel#citizen()})
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
        boolean selfHandled,
        Boolean publishConsent) {

    /** A report without a publication consent: never shown publicly. */
    public NewCase(
            String title,
            String description,
            CaseChannel channel,
            String categoryCode,
            Double latitude,
            Double longitude,
            String gridCode,
            String address,
            Integer urgency,
            String reporterName,
            String reporterPhone,
            boolean selfHandled) {
        this(
                title,
                description,
                channel,
                categoryCode,
                latitude,
                longitude,
                gridCode,
                address,
                urgency,
                reporterName,
                reporterPhone,
                selfHandled,
                null);
    }

    /**
     * Whether the public Open311 GET may show the case: a citizen channel whose reporter consented. A request made
     * through Open311 itself is public by the standard's design (GeoReport publishes requests), so its consent is the
     * channel; staff-entered channels need the reporter's explicit yes; 网格员巡查 is internal and never public.
     */
    public boolean publishable() {
        return channel != null
                && channel.citizen()
                && (channel == CaseChannel.OPEN311 || Boolean.TRUE.equals(publishConsent));
    }
}
