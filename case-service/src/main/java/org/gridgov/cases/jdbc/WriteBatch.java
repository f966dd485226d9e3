package org.gridgov.cases.jdbc;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
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
 * (application.yml). Every statement must change exactly one row (an INSERT): each one's update count is read back
 * and checked, and the server stops at the first failing statement, whose error {@link #send()} throws — so inside a
 * transaction the batch behaves like the same updates sent one by one.
 *
 * <p>What can break: without {@code allowMultiQueries} the server refuses the joined text (a syntax error, so it fails
 * loudly, never half-done); a statement whose text holds a {@code ;} of its own would be split by the server. Use it
 * inside a transaction: outside one, the rows before a failing statement would stay committed.
 */
public final class WriteBatch {

    private final JdbcTemplate jdbc;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> values = new ArrayList<>();
    private int statements;

    public WriteBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a statement that changes one row; nothing is sent until {@link #send()}. */
    public WriteBatch add(String statement, Object... args) {
        if (statement.indexOf(';') >= 0) {
            throw new IllegalArgumentException("one statement per add, without ';': " + statement);
        }
        if (statements > 0) {
            sql.append(";\n");
        }
        sql.append(statement);
        Collections.addAll(values, args);
        statements++;
        return this;
    }

    /** How many statements wait to be sent. */
    public int size() {
        return statements;
    }

    /** Sends the statements added so far in one round trip and empties the batch; a no-op when it is empty. */
    public void send() {
        if (statements == 0) {
            return;
        }
        String text = sql.toString();
        Object[] args = values.toArray();
        int expected = statements;
        sql.setLength(0);
        values.clear();
        statements = 0;
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
                int changed = ps.getUpdateCount();
                if (changed != 1) {
                    throw new IncorrectUpdateSemanticsDataAccessException("statement " + (i + 1) + " of " + expected
                            + " in a write batch changed " + changed + " rows, not 1: " + text);
                }
            }
            return null;
        });
    }
}
