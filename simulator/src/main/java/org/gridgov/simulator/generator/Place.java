package org.gridgov.simulator.generator;

import org.gridgov.common.district.Community;
import org.gridgov.common.district.Grid;
import org.gridgov.common.district.Street;

/** Where a record happened: a point strictly inside one grid, with the grid's community and street. */
record Place(int gridIndex, Grid grid, Community community, Street street, double latitude, double longitude) {}
