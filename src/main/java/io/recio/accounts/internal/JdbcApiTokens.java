package io.recio.accounts.internal;

import io.recio.accounts.ApiToken;
import io.recio.accounts.ApiTokens;
import io.recio.accounts.Role;
import io.recio.accounts.TokenScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tokens in {@code users.api_token}: {@value #PREFIX} and 32 random bytes, stored as their SHA-256 (a token
 * has 256 bits of entropy, so a fast hash is enough: there is nothing to guess).
 */
@Repository
class JdbcApiTokens implements ApiTokens {

    static final String PREFIX = "recio_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, username, name, scope, created_at, expires_at, revoked_at, last_used_at,"
            + " last_used_from";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Created create(String username, String name, TokenScope scope, Duration lifetime) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 64) {
            throw new IllegalArgumentException("name must be 1 to 64 characters");
        }
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("expires_in_days must be between 1 and " + MAX_LIFETIME.toDays());
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO users.api_token (username, name, scope, token_hash, created_at, expires_at)
                        VALUES (:u, :name, :scope, :hash, :created, :expires)""")
                .param("u", username).param("name", trimmed).param("scope", scope.name()).param("hash", hash(secret))
                .param("created", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(lifetime)))
                .update(key, "id");
        ApiToken token = jdbc.sql("SELECT " + COLUMNS + " FROM users.api_token WHERE id = :id")
                .param("id", key.getKeyAs(Long.class)).query(JdbcApiTokens::token).single();
        return new Created(token, secret);
    }

    @Override
    public List<ApiToken> of(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users.api_token WHERE username = :u ORDER BY id DESC")
                .param("u", username).query(JdbcApiTokens::token).list();
    }

    @Override
    public boolean revoke(String username, long id) {
        jdbc.sql("UPDATE users.api_token SET revoked_at = :now WHERE id = :id AND username = :u AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("u", username).update();
        return jdbc.sql("SELECT COUNT(*) FROM users.api_token WHERE id = :id AND username = :u")
                .param("id", id).param("u", username).query(Long.class).single() == 1;
    }

    @Override
    public Optional<Bearer> authenticate(String secret, String from) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Bearer> bearer = jdbc.sql("""
                        SELECT t.id, t.username, u.role, t.scope FROM users.api_token t
                        JOIN users.app_user u ON u.username = t.username
                        WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.enabled""")
                .param("hash", hash(secret)).param("now", Timestamp.from(now))
                .query((rs, n) -> new Bearer(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                        TokenScope.valueOf(rs.getString(4))))
                .optional();
        bearer.ifPresent(b -> jdbc.sql("UPDATE users.api_token SET last_used_at = :now, last_used_from = :from"
                        + " WHERE id = :id")
                .param("now", Timestamp.from(now)).param("from", from == null ? null : cut(from, 64))
                .param("id", b.tokenId()).update());
        return bearer;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("username"), rs.getString("name"),
                TokenScope.valueOf(rs.getString("scope")), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"), instant(rs, "last_used_at"), rs.getString("last_used_from"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
