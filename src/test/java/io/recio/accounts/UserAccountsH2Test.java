package io.recio.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Migrations and a write/read round trip on H2 in PostgreSQL mode (the demo database). */
// a web application: the master admin is created only where there is a console to sign in to
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "recio.services.autostart=false")
@ActiveProfiles("test")
class UserAccountsH2Test {

    @Autowired
    UserAccounts accounts;

    @Autowired
    HikariDataSource pool;

    @Test
    void theFirstStartCreatesTheMasterAdmin() {
        assertThat(accounts.find("admin")).get().extracting(UserAccount::role).isEqualTo(Role.MASTER_ADMIN);
    }

    @Test
    void aCreatedUserIsReadBackWithItsRole() {
        accounts.create("h2-trader", "long-enough-password", Role.USER);
        assertThat(accounts.find("h2-trader")).get()
                .satisfies(u -> {
                    assertThat(u.role()).isEqualTo(Role.USER);
                    assertThat(u.enabled()).isTrue();
                });
    }

    @Test
    void usersCanBeCreatedOnNewConnectionsLongAfterTheMigrationRan() {
        pool.getHikariPoolMXBean().softEvictConnections();
        accounts.create("h2-later", "long-enough-password", Role.USER);
        assertThat(accounts.find("h2-later")).isPresent();
    }

    @Test
    void aTakenUsernameIsRefusedByName() {
        accounts.create("h2-twice", "long-enough-password", Role.USER);
        assertThatThrownBy(() -> accounts.create("h2-twice", "long-enough-password", Role.USER))
                .hasMessageContaining("'h2-twice' is already taken");
    }

    @Test
    void aShortPasswordIsRefused() {
        assertThatThrownBy(() -> accounts.create("h2-short", "short", Role.USER))
                .hasMessageContaining("at least 8 characters");
    }
}
