package io.recio.kalshi.internal.web;

import io.recio.ApiProblem;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.internal.credentials.CredentialCheck;
import io.recio.kalshi.internal.credentials.CredentialsService;
import io.recio.kalshi.internal.credentials.KalshiEnvironment;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's Kalshi API key, for the master admin only: whether one is stored and for which environment, storing a
 * new one after it worked, switching environment and forgetting it. No answer ever carries the key id or the key.
 */
@RestController
@PreAuthorize("hasRole('MASTER_ADMIN')")
class CredentialsController {

    /** The longest private key accepted (a 4096-bit RSA key in PEM is about 3.3 KB). */
    static final int MAX_PEM_CHARS = 16_384;

    private final CredentialsService credentials;

    CredentialsController(CredentialsService credentials) {
        this.credentials = credentials;
    }

    /**
     * What is stored.
     *
     * @param stored              whether a key is stored (encrypted) in the database
     * @param environment         the stored key's environment: demo or production
     * @param updatedAt           when it was stored or switched
     * @param updatedBy           who did it
     * @param keyFileConfigured   whether {@code recio.kalshi.key-id}/{@code key-file} are set (used when none is stored)
     * @param masterKeySource     where the master key comes from: environment ({@code RECIO_MASTER_KEY}) or file
     * @param masterKeyId         the master key's non-secret id
     * @param mode                recio's mode; in demo the simulator is traded whatever is stored
     */
    record CredentialsView(boolean stored, KalshiEnvironment environment, Instant updatedAt, String updatedBy,
                           boolean keyFileConfigured, String masterKeySource, String masterKeyId, String mode) {

        static CredentialsView of(CredentialsService.Status s) {
            return new CredentialsView(s.stored(), s.environment(), s.updatedAt(), s.updatedBy(), s.keyFileConfigured(),
                    s.masterKeySource(), s.masterKeyId(), s.mode().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * A key to store.
     *
     * @param environment demo or production
     * @param keyId       the API key id from Kalshi's API keys page
     * @param privateKey  the private key in PEM (PKCS#1 or PKCS#8), as pasted or read from the downloaded file
     */
    record CredentialsInput(KalshiEnvironment environment, String keyId, String privateKey) {
    }

    /**
     * A key that worked and is now stored.
     *
     * @param credentials what is stored now
     * @param balance     the available balance the key read, in dollars
     */
    record Stored(CredentialsView credentials, String balance) {
    }

    /**
     * An environment switch.
     *
     * @param environment the environment to use from now on
     * @param confirm     must be true: the console asks first, because production trades real money
     */
    record EnvironmentSwitch(KalshiEnvironment environment, Boolean confirm) {
    }

    @GetMapping("/api/admin/kalshi/credentials")
    CredentialsView status() {
        return CredentialsView.of(credentials.status());
    }

    @PutMapping("/api/admin/kalshi/credentials")
    Stored set(@RequestBody CredentialsInput input, Authentication auth) {
        if (input.environment() == null) {
            throw ApiProblem.badInput("environment", "environment is required: demo or production");
        }
        if (input.keyId() == null || input.keyId().isBlank()) {
            throw ApiProblem.badInput("key_id", "key_id is required: the API key id from Kalshi's API keys page");
        }
        if (input.privateKey() == null || input.privateKey().isBlank()) {
            throw ApiProblem.badInput("private_key", "private_key is required: the PEM text of the key's private key");
        }
        if (input.privateKey().length() > MAX_PEM_CHARS) {
            throw ApiProblem.badInput("private_key", "private_key is longer than " + MAX_PEM_CHARS
                    + " characters; it must be one RSA private key in PEM");
        }
        KalshiBalance balance = refusedAsProblem(() -> credentials.set(input.environment(), input.keyId(),
                input.privateKey(), auth.getName()));
        return new Stored(CredentialsView.of(credentials.status()), balance.available().toDollars());
    }

    @PutMapping("/api/admin/kalshi/credentials/environment")
    Stored switchEnvironment(@RequestBody EnvironmentSwitch input, Authentication auth) {
        if (input.environment() == null) {
            throw ApiProblem.badInput("environment", "environment is required: demo or production");
        }
        if (!Boolean.TRUE.equals(input.confirm())) {
            throw ApiProblem.badInput("confirm", "switching to " + input.environment() + " needs confirm: true"
                    + (input.environment() == KalshiEnvironment.PRODUCTION ? " (production trades real money)" : ""));
        }
        KalshiBalance balance = refusedAsProblem(() -> credentials.switchEnvironment(input.environment(), auth.getName())
                .orElseThrow(() -> ApiProblem.notFound("no Kalshi key is stored; store one first")));
        return new Stored(CredentialsView.of(credentials.status()), balance.available().toDollars());
    }

    @DeleteMapping("/api/admin/kalshi/credentials")
    ResponseEntity<Void> delete(Authentication auth) {
        if (!credentials.delete(auth.getName())) {
            throw ApiProblem.notFound("no Kalshi key is stored");
        }
        return ResponseEntity.noContent().build();
    }

    private static KalshiBalance refusedAsProblem(java.util.function.Supplier<KalshiBalance> action) {
        try {
            return action.get();
        } catch (CredentialCheck.Refused e) {
            throw ApiProblem.badInput(e.field(), e.getMessage());
        }
    }
}
