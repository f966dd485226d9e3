package org.gridgov.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gridgov.warehouse.SqlDialect;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.WarehouseSchema;
import org.junit.jupiter.api.Test;

class EmbeddedStackIT {

    @Test
    void localDdlAppliesToMariaDbAndUpsertIsIdempotent() throws Exception {
        try (EmbeddedWarehouse w = EmbeddedWarehouse.start();
                Connection c = w.connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs =
                    c.getMetaData().getTables(WarehouseSchema.DATABASE, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables)
                    .containsExactlyInAnyOrderElementsOf(
                            WarehouseSchema.ALL.stream().map(Table::name).toList());

            // every column of the catalogue exists with the catalogue's nullability
            for (Table t : WarehouseSchema.ALL) {
                try (ResultSet rs = c.getMetaData().getColumns(WarehouseSchema.DATABASE, null, t.name(), "%")) {
                    List<String> cols = new ArrayList<>();
                    while (rs.next()) {
                        cols.add(rs.getString("COLUMN_NAME"));
                        boolean nullable = rs.getInt("NULLABLE") == java.sql.DatabaseMetaData.columnNullable;
                        assertThat(nullable)
                                .as(t.name() + "." + rs.getString("COLUMN_NAME"))
                                .isEqualTo(t.column(rs.getString("COLUMN_NAME")).nullable());
                    }
                    assertThat(cols).containsExactlyElementsOf(t.columnNames());
                }
            }

            String upsert = SqlDialect.MYSQL.upsert(WarehouseSchema.DIM_STREET);
            for (String name : List.of("山大路街道", "山大路街道（更名）")) {
                try (var ps = c.prepareStatement(upsert)) {
                    ps.setString(1, "370112001");
                    ps.setString(2, name);
                    ps.setString(3, "370112");
                    ps.setString(4, "历城区");
                    ps.executeUpdate();
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(street_name) FROM dim_street")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo("山大路街道（更名）");
            }
        }
    }

    /** Issue 14, item 8: the embedded MariaDB enforces its grant tables, and its root account has a password. */
    @Test
    void theServerRunsWithTheInnodbMemoryItWasGiven() throws Exception {
        InnodbSizing sizing = new InnodbSizing(
                org.gridgov.common.config.MemorySize.ofMebiBytes(256),
                org.gridgov.common.config.MemorySize.ofMebiBytes(112));
        try (EmbeddedWarehouse w = EmbeddedWarehouse.start(sizing);
                Connection c = w.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT @@innodb_buffer_pool_size, @@innodb_log_file_size, "
                        + "@@innodb_doublewrite, @@innodb_io_capacity")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(256L << 20);
            assertThat(r.getLong(2)).isEqualTo(112L << 20);
            assertThat(r.getString(3)).isIn("0", "OFF");
            assertThat(r.getLong(4)).isEqualTo(2000);
        }
    }

    @Test
    void theWarehouseRequiresItsGeneratedPassword() throws Exception {
        try (EmbeddedWarehouse w = EmbeddedWarehouse.start()) {
            assertThat(EmbeddedWarehouse.PASSWORD).hasSizeGreaterThanOrEqualTo(20);
            String url = w.jdbcUrl();
            for (String[] attempt : new String[][] {
                {EmbeddedWarehouse.USER, ""}, {EmbeddedWarehouse.USER, "root"}, {"", ""}, {"anonymous", ""}
            }) {
                assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, attempt[0], attempt[1])
                                .close())
                        .as("signing in as '" + attempt[0] + "' with '" + attempt[1] + "'")
                        .isInstanceOf(java.sql.SQLException.class);
            }
            try (Connection c = java.sql.DriverManager.getConnection(
                            url, EmbeddedWarehouse.USER, EmbeddedWarehouse.PASSWORD);
                    Statement s = c.createStatement()) {
                // refused outright under --skip-grant-tables
                s.execute("CREATE USER 'probe'@'127.0.0.1' IDENTIFIED BY 'probe-password-1'");
                s.execute("GRANT SELECT ON " + WarehouseSchema.DATABASE + ".* TO 'probe'@'127.0.0.1'");
            }
            try (Connection probe = java.sql.DriverManager.getConnection(url, "probe", "probe-password-1");
                    Statement s = probe.createStatement()) {
                assertThat(s.executeQuery("SELECT COUNT(*) FROM dim_street").next())
                        .isTrue();
                assertThatThrownBy(() -> s.execute("DELETE FROM dim_street"))
                        .as("grants are enforced")
                        .isInstanceOf(java.sql.SQLException.class);
            }
        }
    }

    @Test
    void kafkaBrokerAcceptsAndServesChineseRecords() {
        try (EmbeddedKafka k = EmbeddedKafka.start()) {
            k.createTopics(List.of("raw.hotline"), 2);
            k.createTopics(List.of("raw.hotline"), 2); // idempotent
            Properties pp = new Properties();
            pp.put("bootstrap.servers", k.bootstrapServers());
            pp.put("acks", "all");
            pp.put("enable.idempotence", "true");
            try (var producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("raw.hotline", "c1", "暖气不热")).get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Properties cp = new Properties();
            cp.put("bootstrap.servers", k.bootstrapServers());
            cp.put("group.id", "it");
            cp.put("auto.offset.reset", "earliest");
            try (var consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("raw.hotline"));
                List<String> seen = new ArrayList<>();
                long until = System.currentTimeMillis() + 20_000;
                while (seen.isEmpty() && System.currentTimeMillis() < until) {
                    ConsumerRecords<String, String> recs = consumer.poll(Duration.ofMillis(500));
                    recs.forEach(r -> seen.add(r.value()));
                }
                assertThat(seen).containsExactly("暖气不热");
            }
        }
    }
}
