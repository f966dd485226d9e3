package org.gridgov.common.district;

/** A second-level case category with its first level and responsible department. */
public record Category(String code, String name, String parentCode, String parentName, String department) {}
