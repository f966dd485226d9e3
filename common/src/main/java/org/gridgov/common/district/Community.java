package org.gridgov.common.district;

/** 社区/村, part of one street. */
public record Community(String code, String name, String streetCode) {}
