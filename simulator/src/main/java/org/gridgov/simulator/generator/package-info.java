/**
 * Seeded synthetic data for the five sources of 历城区 (12345 hotline, petitions, wage arrears, police incidents,
 * grid workers' records), with planted scenarios and their {@link org.gridgov.simulator.generator.GroundTruth}.
 *
 * <p>{@link org.gridgov.simulator.generator.SyntheticDataGenerator} plans the scenarios first, then walks the period
 * day by day: a day's records (planted and background) are buffered, sorted by event time and handed to a
 * {@link org.gridgov.simulator.generator.RecordSink}, so memory is bounded by one day's volume, not the total.
 * The same {@link org.gridgov.simulator.generator.GeneratorSpec} always yields byte-identical output.
 *
 * <p>Background records are generated so that they never satisfy a scenario's definition (no background person
 * petitions or calls three times in 30 days, no background hotline case is overdue, no background arrears case is
 * big), which is what makes the ground truth exact rather than a lower bound.
 */
package org.gridgov.simulator.generator;
