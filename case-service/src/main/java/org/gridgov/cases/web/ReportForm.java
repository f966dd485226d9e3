package org.gridgov.cases.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridgov.cases.casefile.CaseChannel;
import org.gridgov.cases.casefile.NewCase;

/**
 * The 事件上报 form as posted. Mutable because Spring binds forms through setters; messages are the Chinese text the
 * form shows beside the field. Blank optional fields become null so the service sees "not given".
 */
public class ReportForm {

    @Size(max = 100, message = "标题不超过 100 字")
    private String title;

    @NotBlank(message = "请填写事件描述")
    @Size(max = 2000, message = "事件描述不超过 2000 字")
    private String description;

    @NotNull(message = "请选择事件来源")
    private CaseChannel channel;
    /** Empty = 智能推荐: the service classifies the description. */
    private String categoryCode;

    private String gridCode;

    @DecimalMin(value = "-90", message = "纬度应在 -90 到 90 之间")
    @DecimalMax(value = "90", message = "纬度应在 -90 到 90 之间")
    private Double latitude;

    @DecimalMin(value = "-180", message = "经度应在 -180 到 180 之间")
    @DecimalMax(value = "180", message = "经度应在 -180 到 180 之间")
    private Double longitude;

    @Size(max = 200, message = "地址不超过 200 字")
    private String address;

    @NotNull(message = "请选择紧急程度")
    @Min(value = 1, message = "紧急程度无效")
    @Max(value = 3, message = "紧急程度无效")
    private Integer urgency = 1;

    @Size(max = 64, message = "姓名不超过 64 字")
    private String reporterName;

    @Size(max = 32, message = "电话不超过 32 位")
    private String reporterPhone;

    private boolean selfHandled;
    /** The citizen agreed to publication of the case (personal data removed): see {@code NewCase#publishable}. */
    private boolean publishConsent;
    /** One per rendered form, so a double submit or a browser retry returns the first case instead of a second. */
    private String idempotencyKey;

    public NewCase toNewCase() {
        return new NewCase(
                blank(title),
                description,
                channel,
                blank(categoryCode),
                latitude,
                longitude,
                blank(gridCode),
                blank(address),
                urgency,
                blank(reporterName),
                blank(reporterPhone),
                selfHandled,
                publishConsent);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public CaseChannel getChannel() {
        return channel;
    }

    public void setChannel(CaseChannel channel) {
        this.channel = channel;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public void setCategoryCode(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public String getGridCode() {
        return gridCode;
    }

    public void setGridCode(String gridCode) {
        this.gridCode = gridCode;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getUrgency() {
        return urgency;
    }

    public void setUrgency(Integer urgency) {
        this.urgency = urgency;
    }

    public String getReporterName() {
        return reporterName;
    }

    public void setReporterName(String reporterName) {
        this.reporterName = reporterName;
    }

    public String getReporterPhone() {
        return reporterPhone;
    }

    public void setReporterPhone(String reporterPhone) {
        this.reporterPhone = reporterPhone;
    }

    public boolean isSelfHandled() {
        return selfHandled;
    }

    public void setSelfHandled(boolean selfHandled) {
        this.selfHandled = selfHandled;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public boolean isPublishConsent() {
        return publishConsent;
    }

    public void setPublishConsent(boolean publishConsent) {
        this.publishConsent = publishConsent;
    }
}
