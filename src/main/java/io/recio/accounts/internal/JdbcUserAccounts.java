package io.recio.accounts.internal;

import io.recio.accounts.Role;
import io.recio.accounts.UserAccount;
import io.recio.accounts.UserAccounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import io.recio.accounts.UserAccessChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users in {@code users.app_user}; also the source of logins for Spring Security. */
@Service
class JdbcUserAccounts implements UserAccounts, UserDetailsService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, username, role, enabled, created_at, must_change_password";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    JdbcUserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public UserAccount create(String username, String rawPassword, Role role) {
        if (username == null || !username.matches("[A-Za-z0-9_.@-]{1,64}")) {
            throw new IllegalArgumentException(
                    "username must be 1 to 64 letters, digits or _ . @ - (got '" + username + "')");
        }
        PasswordPolicy.check(username, rawPassword);
        try {
            jdbc.sql("""
                    INSERT INTO users.app_user (username, password_hash, role, enabled, created_at)
                    VALUES (:username, :hash, :role, TRUE, :createdAt)""")
                    .param("username", username)
                    .param("hash", passwordEncoder.encode(rawPassword))
                    .param("role", role.name())
                    .param("createdAt", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("username '" + username + "' is already taken");
        }
        return find(username).orElseThrow();
    }

    @Override
    public Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users.app_user WHERE username = :u")
                .param("u", username).query(JdbcUserAccounts::account).optional();
    }

    @Override
    public List<UserAccount> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users.app_user ORDER BY id")
                .query(JdbcUserAccounts::account).list();
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users.app_user").query(Long.class).single();
    }

    @Override
    public boolean passwordMatches(String username, String rawPassword) {
        if (rawPassword == null) {
            return false;
        }
        return jdbc.sql("SELECT password_hash FROM users.app_user WHERE username = :u AND enabled")
                .param("u", username).query(String.class).optional()
                .map(hash -> passwordEncoder.matches(rawPassword, hash)).orElse(false);
    }

    @Override
    public void setPassword(String username, String rawPassword) {
        store(username, rawPassword, false);
        events.publishEvent(new UserAccessChanged(username, "password changed", true));
    }

    @Override
    public void resetPassword(String username, String rawPassword) {
        store(username, rawPassword, true);
        events.publishEvent(new UserAccessChanged(username, "password reset", false));
    }

    @Override
    @Transactional
    public UserAccount createWithTemporaryPassword(String username, String rawPassword, Role role) {
        create(username, rawPassword, role);
        jdbc.sql("UPDATE users.app_user SET must_change_password = TRUE WHERE username = :u").param("u", username)
                .update();
        return existing(username);
    }

    private void store(String username, String rawPassword, boolean temporary) {
        PasswordPolicy.check(username, rawPassword);
        int n = jdbc.sql("UPDATE users.app_user SET password_hash = :hash, must_change_password = :temporary"
                        + " WHERE username = :u")
                .param("hash", passwordEncoder.encode(rawPassword)).param("temporary", temporary)
                .param("u", username).update();
        if (n != 1) {
            throw new IllegalArgumentException("no user '" + username + "'");
        }
    }

    @Override
    @Transactional
    public UserAccount setEnabled(String username, boolean enabled) {
        UserAccount user = existing(username);
        if (user.enabled() == enabled) {
            return user;
        }
        if (!enabled && user.role() == Role.MASTER_ADMIN) {
            keepOneMasterAdmin(username);
        }
        jdbc.sql("UPDATE users.app_user SET enabled = :e WHERE username = :u")
                .param("e", enabled).param("u", username).update();
        if (!enabled) {
            events.publishEvent(new UserAccessChanged(username, "disabled", false));
        }
        return existing(username);
    }

    @Override
    @Transactional
    public UserAccount setRole(String username, Role role) {
        UserAccount user = existing(username);
        if (user.role() == role) {
            return user;
        }
        if (user.role() == Role.MASTER_ADMIN && user.enabled()) {
            keepOneMasterAdmin(username);
        }
        jdbc.sql("UPDATE users.app_user SET role = :r WHERE username = :u")
                .param("r", role.name()).param("u", username).update();
        events.publishEvent(new UserAccessChanged(username, "role changed to " + role.label(), false));
        return existing(username);
    }

    @Override
    public String generatePassword() {
        byte[] random = new byte[15];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private UserAccount existing(String username) {
        return find(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
    }

    /** Refuses a change that would take away {@code username}, the last enabled master admin. */
    private void keepOneMasterAdmin(String username) {
        // Lock the admins' rows so two concurrent demotions cannot each see the other as the remaining admin.
        List<String> admins = jdbc.sql("SELECT username FROM users.app_user WHERE role = 'MASTER_ADMIN' AND enabled"
                + " FOR UPDATE").query(String.class).list();
        if (admins.size() == 1 && admins.get(0).equals(username)) {
            throw new IllegalStateException("'" + username + "' is the last enabled master admin; make another user"
                    + " master admin first");
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM users.app_user WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .roles(rs.getString("role"))
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("must_change_password"));
    }
}
