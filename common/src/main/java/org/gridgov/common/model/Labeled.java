package org.gridgov.common.model;

/** An enum constant with the Chinese label real source systems export; decoding accepts either form. */
public interface Labeled {
    String label();
}
