package org.gridgov.common.model;

/**
 * One GPS fix of a patrol's track: {@code second} counts seconds since the patrol's start (its {@code record_time}),
 * so the point's time is {@code record_time + second}. On the wire a point is the compact array
 * {@code [second, latitude, longitude]} (see {@code Json}), since a track holds up to 5,000 of them.
 */
public record TrackPoint(int second, double latitude, double longitude) {}
