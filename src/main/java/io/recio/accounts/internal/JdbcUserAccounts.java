package io.recio.accounts.internal;

import io.recio.accounts.Role;
import io.recio.accounts.UserAccount;
import io.recio.accounts.UserAccounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

    static final int MIN_PASSWORD_LENGTH = 8;
    /** bcrypt reads only the first 72 bytes: a longer password would silently not count beyond them. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    JdbcUserAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public UserAccount create(String username, String rawPassword, Role role) {
        if (username == null || !username.matches("[A-Za-z0-9_.@-]{1,64}")) {
            throw new IllegalArgumentException(
                    "username must be 1 to 64 letters, digits or _ . @ - (got '" + username + "')");
        }
        checkAcceptable(rawPassword);
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
        return jdbc.sql("SELECT id, username, role, enabled, created_at FROM users.app_user WHERE username = :u")
                .param("u", username).query(JdbcUserAccounts::account).optional();
    }

    @Override
    public List<UserAccount> all() {
        return jdbc.sql("SELECT id, username, role, enabled, created_at FROM users.app_user ORDER BY id")
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
        checkAcceptable(rawPassword);
        int n = jdbc.sql("UPDATE users.app_user SET password_hash = :hash WHERE username = :u")
                .param("hash", passwordEncoder.encode(rawPassword)).param("u", username).update();
        if (n != 1) {
            throw new IllegalArgumentException("no user '" + username + "'");
        }
    }

    private static void checkAcceptable(String rawPassword) {
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (rawPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password must have at most " + MAX_PASSWORD_BYTES
                    + " bytes (" + MAX_PASSWORD_BYTES + " plain letters or digits)");
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
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }
}
