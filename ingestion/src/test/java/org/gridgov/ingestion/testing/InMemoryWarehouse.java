package org.gridgov.ingestion.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridgov.loading.write.BatchWriter;
import org.gridgov.warehouse.Table;
import org.gridgov.warehouse.TableRow;

/** Upserting tables in memory, keyed like the warehouse's primary keys, for loads in unit tests. Thread-safe. */
public final class InMemoryWarehouse {

    private final Map<String, Map<String, TableRow>> tables = new ConcurrentHashMap<>();
    /** Fails the n-th write (1-based) when positive, to test failure handling. */
    private volatile int failOnWrite;

    private int writes;

    public BatchWriter writer() {
        return new BatchWriter() {
            @Override
            public void write(Map<Table, List<TableRow>> rowsByTable) {
                synchronized (InMemoryWarehouse.this) {
                    writes++;
                    if (failOnWrite > 0 && writes == failOnWrite) {
                        throw new IllegalStateException("injected write failure");
                    }
                }
                rowsByTable.forEach((t, rows) -> {
                    Map<String, TableRow> m = tables.computeIfAbsent(t.name(), k -> new ConcurrentHashMap<>());
                    rows.forEach(r -> m.put(key(t, r), r));
                });
            }

            @Override
            public int countPresent(Table table, Collection<TableRow> rows) {
                Map<String, TableRow> m = tables.getOrDefault(table.name(), Map.of());
                return (int) rows.stream()
                        .map(r -> key(table, r))
                        .distinct()
                        .filter(m::containsKey)
                        .count();
            }

            @Override
            public void close() {}
        };
    }

    public void failOnWrite(int n) {
        this.failOnWrite = n;
    }

    public List<TableRow> rows(Table table) {
        return new ArrayList<>(tables.getOrDefault(table.name(), Map.of()).values());
    }

    public int count(Table table) {
        return tables.getOrDefault(table.name(), Map.of()).size();
    }

    public void clear() {
        tables.clear();
    }

    private static String key(Table t, TableRow r) {
        StringBuilder sb = new StringBuilder();
        for (String k : t.keyColumns()) {
            sb.append(r.values[t.position(k)]).append('\u0001');
        }
        return sb.toString();
    }
}
