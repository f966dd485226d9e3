package org.gridgov.simulator.generator;

/** A synthetic resident: always a valid ID card and mobile number; {@code homeGrid} indexes the district's grids. */
record Person(String name, String idCard, String phone, int homeGrid) {}
