package org.gridgov.batch.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gridgov.warehouse.ColumnType;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

class SparkSchemasTest {

    @Test
    void mapsEveryCatalogueKind() {
        assertThat(SparkSchemas.type(ColumnType.varchar(7))).isEqualTo(DataTypes.StringType);
        assertThat(SparkSchemas.type(ColumnType.text())).isEqualTo(DataTypes.StringType);
        assertThat(SparkSchemas.type(ColumnType.tinyint())).isEqualTo(DataTypes.ByteType);
        assertThat(SparkSchemas.type(ColumnType.integer())).isEqualTo(DataTypes.IntegerType);
        assertThat(SparkSchemas.type(ColumnType.bigint())).isEqualTo(DataTypes.LongType);
        assertThat(SparkSchemas.type(ColumnType.doubleType())).isEqualTo(DataTypes.DoubleType);
        assertThat(SparkSchemas.type(ColumnType.decimal(6, 4))).isEqualTo(DataTypes.createDecimalType(6, 4));
        assertThat(SparkSchemas.type(ColumnType.date())).isEqualTo(DataTypes.DateType);
        assertThat(SparkSchemas.type(ColumnType.datetime())).isEqualTo(DataTypes.TimestampType);
    }

    @Test
    void everyCatalogueTableHasASchemaInColumnOrderWithItsNullability() {
        for (Table t : WarehouseSchema.ALL) {
            StructType s = SparkSchemas.of(t);
            assertThat(s.fieldNames()).as(t.name()).containsExactlyElementsOf(t.columnNames());
            for (int i = 0; i < s.fields().length; i++) {
                assertThat(s.fields()[i].nullable())
                        .isEqualTo(t.columns().get(i).nullable());
            }
        }
        StructType ads = SparkSchemas.of(WarehouseSchema.ADS_HOTLINE_STREET_MONTH);
        assertThat(ads.apply("close_rate").dataType()).isEqualTo(DataTypes.createDecimalType(6, 4));
        assertThat(ads.apply("updated_at").dataType()).isEqualTo(DataTypes.TimestampType);
    }
}
