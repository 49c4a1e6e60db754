package io.recio.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recio.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Migrations and a write/read round trip on the real PostgreSQL. */
// a web application: the master admin is created only where there is a console to sign in to
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "recio.services.autostart=false")
@ActiveProfiles("test")
class UserAccountsPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnPostgresql() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    }

    @Test
    void migrationsCreateTheUsersAndSystemSchemas() {
        assertThat(jdbc.sql("SELECT schema_name FROM information_schema.schemata").query(String.class).list())
                .contains("users", "system");
    }

    @Test
    void aCreatedUserIsReadBackWithItsRole() {
        accounts.create("pg-trader", "long-enough-password", Role.USER);
        assertThat(accounts.find("pg-trader")).get().extracting(UserAccount::role).isEqualTo(Role.USER);
        assertThat(accounts.find("admin")).get().extracting(UserAccount::role).isEqualTo(Role.MASTER_ADMIN);
    }
}
