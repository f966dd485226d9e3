package org.gridgov.common.model;

/** How a 12345 case reached the platform (受理渠道). */
public enum Channel implements Labeled {
    PHONE("电话热线"),
    WEB("网站"),
    WECHAT("微信"),
    APP("手机APP"),
    LETTER_VISIT("来信来访"),
    GOV_INTERACTION("政民互动");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
