package org.gridgov.common.district;

/** 街道/镇. */
public record Street(String code, String name) {}
