package io.recio.kalshi.internal.credentials;

import io.recio.Mode;
import io.recio.RecioProperties;
import io.recio.accounts.SecretBox;
import io.recio.kalshi.KalshiBalance;
import io.recio.kalshi.internal.KalshiConnector;
import io.recio.ops.ManagedServices;
import io.recio.ops.ServiceName;
import io.recio.ops.ServiceState;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Setting, switching and forgetting the account's Kalshi key, for the console and the command line alike: a key is
 * stored only after it worked against its environment, and a change takes effect at once (outside demo mode the
 * Kalshi services reconnect with it), without editing any file.
 */
@Service
public class CredentialsService {

    /** The services that hold a Kalshi connection and must reconnect with a new key. */
    private static final List<ServiceName> CONNECTED = List.of(ServiceName.KALSHI_API_WATCHDOG,
            ServiceName.KALSHI_ACCOUNT_SYNC);

    /** What the console shows: whether a key is stored, where it came from, never the key itself. */
    public record Status(boolean stored, KalshiEnvironment environment, java.time.Instant updatedAt, String updatedBy,
                         boolean keyFileConfigured, String masterKeySource, String masterKeyId, Mode mode) {
    }

    private final CredentialVault vault;
    private final CredentialCheck check;
    private final KalshiConnector connector;
    private final ManagedServices services;
    private final RecioProperties recio;
    private final SecretBox box;

    CredentialsService(CredentialVault vault, CredentialCheck check, KalshiConnector connector,
                       ManagedServices services, RecioProperties recio, SecretBox box) {
        this.box = box;
        this.vault = vault;
        this.check = check;
        this.connector = connector;
        this.services = services;
        this.recio = recio;
    }

    public Status status() {
        Optional<CredentialVault.Summary> summary = vault.summary();
        boolean file = connector.properties().keyId() != null && !connector.properties().keyId().isBlank();
        return new Status(summary.isPresent(), summary.map(CredentialVault.Summary::environment).orElse(null),
                summary.map(CredentialVault.Summary::updatedAt).orElse(null),
                summary.map(CredentialVault.Summary::updatedBy).orElse(null), file,
                box.fromEnvironment() ? "environment" : "file", box.masterKeyId(), recio.mode());
    }

    /** Checks the key against {@code environment} and stores it; {@link CredentialCheck.Refused} says what is wrong. */
    public KalshiBalance set(KalshiEnvironment environment, String keyId, String privateKeyPem, String by) {
        KalshiBalance balance = check.check(environment, keyId, privateKeyPem);
        vault.save(environment, keyId, privateKeyPem, by);
        takeEffect();
        return balance;
    }

    /**
     * Points the stored key at the other environment after checking that it works there.
     *
     * @return empty when no key is stored
     */
    public Optional<KalshiBalance> switchEnvironment(KalshiEnvironment environment, String by) {
        Optional<CredentialVault.Opened> opened = vault.open();
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        KalshiBalance balance = check.check(environment, opened.get().credentials());
        vault.switchEnvironment(environment, by);
        takeEffect();
        return Optional.of(balance);
    }

    /** Forgets the stored key (a configured key file, if any, is used again). */
    public boolean delete(String by) {
        boolean deleted = vault.delete(by);
        if (deleted) {
            takeEffect();
        }
        return deleted;
    }

    private void takeEffect() {
        connector.reload();
        if (recio.mode() == Mode.DEMO) {
            return; // demo trades against the simulator whatever key is stored
        }
        for (ServiceName name : CONNECTED) {
            services.health(name).filter(h -> h.state() != ServiceState.STOPPED)
                    .ifPresent(h -> services.restart(name));
        }
    }
}
