package org.gridgov.cases.jdbc;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * Single-row writes of one transaction sent to the server in one round trip (issue 15): a case creation's case, step,
 * audit and outbox rows cost one round trip instead of four. The statements are joined into one multi-statement text
 * and sent as one prepared statement; Connector/J sends such a text as a client-side prepared statement (a server
 * cannot prepare several statements at once) and needs {@code allowMultiQueries=true} on the connection
 * (not set in application.yml: it would let a future injectable statement stack others); {@code
 * gridgov.case.write-batches} ({@link WriteBatches}, off by default) chooses it, else the rows go one by one.
 * Every statement must change exactly one row (an INSERT): each one's update count is read back and checked, and the
 * server stops at the first failing statement, whose error {@link #send()} throws — so inside a transaction the batch
 * behaves like the same updates sent one by one.
 *
 * <p>What can break: without {@code allowMultiQueries} the server refuses the joined text (a syntax error, so it fails
 * loudly, never half-done); a statement whose text holds a {@code ;} of its own would be split by the server. Use it
 * inside a transaction: outside one, the rows before a failing statement would stay committed.
 */
public final class WriteBatch {

    private final JdbcTemplate jdbc;
    private final boolean oneRoundTrip;
    private final List<String> statements = new ArrayList<>();
    private final List<Object[]> values = new ArrayList<>();

    /** A batch sent in one round trip. */
    public WriteBatch(JdbcTemplate jdbc) {
        this(jdbc, true);
    }

    /**
     * @param oneRoundTrip false: {@link #send()} sends the statements one by one, as separate updates would
     *     ({@code gridgov.case.write-batches} off), still checking that each changes one row
     */
    public WriteBatch(JdbcTemplate jdbc, boolean oneRoundTrip) {
        this.jdbc = jdbc;
        this.oneRoundTrip = oneRoundTrip;
    }

    /** Adds a statement that changes one row; nothing is sent until {@link #send()}. */
    public WriteBatch add(String statement, Object... args) {
        if (statement.indexOf(';') >= 0) {
            throw new IllegalArgumentException("one statement per add, without ';': " + statement);
        }
        statements.add(statement);
        values.add(args);
        return this;
    }

    /** How many statements wait to be sent. */
    public int size() {
        return statements.size();
    }

    /** Sends the statements added so far in one round trip and empties the batch; a no-op when it is empty. */
    public void send() {
        if (statements.isEmpty()) {
            return;
        }
        List<String> sent = List.copyOf(statements);
        List<Object[]> sentValues = List.copyOf(values);
        statements.clear();
        values.clear();
        if (!oneRoundTrip || sent.size() == 1) {
            for (int i = 0; i < sent.size(); i++) {
                check(i, sent.size(), jdbc.update(sent.get(i), sentValues.get(i)), sent.get(i));
            }
            return;
        }
        String text = String.join(";\n", sent);
        Object[] args = sentValues.stream().flatMap(Arrays::stream).toArray();
        int expected = sent.size();
        jdbc.execute(text, (PreparedStatement ps) -> {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    // the type the server infers for NULL; Spring's setNull would first ask the statement's parameter
                    // metadata, which a client-side prepared statement does not have (an exception per NULL)
                    ps.setNull(i + 1, Types.NULL);
                } else {
                    StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, args[i]);
                }
            }
            ps.execute();
            for (int i = 0; i < expected; i++) {
                if (i > 0) {
                    ps.getMoreResults();
                }
                check(i, expected, ps.getUpdateCount(), sent.get(i));
            }
            return null;
        });
    }

    private static void check(int index, int of, int changed, String statement) {
        if (changed != 1) {
            throw new IncorrectUpdateSemanticsDataAccessException("statement " + (index + 1) + " of " + of
                    + " in a write batch changed " + changed + " rows, not 1: " + statement);
        }
    }
}
