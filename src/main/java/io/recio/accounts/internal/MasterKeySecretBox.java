package io.recio.accounts.internal;

import io.recio.RecioProperties;
import io.recio.accounts.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link SecretBox} over the {@link MasterKey}, loaded (or created, 0600) when the application starts. The
 * {@link SecretBox.Holder}s are looked up at rotation only: they are the modules' stores that need this box to be
 * built.
 */
@Component
class MasterKeySecretBox implements SecretBox {

    private static final Logger log = LoggerFactory.getLogger(MasterKeySecretBox.class);

    private final Environment environment;
    private final RecioProperties recio;
    private final ObjectProvider<Holder> holders;
    private volatile MasterKey masterKey;

    MasterKeySecretBox(Environment environment, RecioProperties recio, ObjectProvider<Holder> holders) {
        this.environment = environment;
        this.recio = recio;
        this.holders = holders;
        this.masterKey = MasterKey.load(environment.getProperty(ENVIRONMENT_VARIABLE), recio.dataDir(), true)
                .orElseThrow();
    }

    @Override
    public Sealed seal(String plain, String purpose) {
        MasterKey key = masterKey;
        return new Sealed(key.seal(plain, purpose), key.id());
    }

    @Override
    public String open(Sealed sealed, String purpose) {
        MasterKey key = masterKey;
        if (!sealed.keyId().equals(key.id())) {
            throw new IllegalStateException("a stored secret (" + purpose + ") was sealed with master key "
                    + sealed.keyId() + " but recio has master key " + key.id() + " (" + masterKeySource() + ")");
        }
        return key.open(sealed.value(), purpose);
    }

    @Override
    public String masterKeyId() {
        return masterKey.id();
    }

    @Override
    public boolean fromEnvironment() {
        String value = environment.getProperty(ENVIRONMENT_VARIABLE);
        return value != null && !value.isBlank();
    }

    @Override
    public String masterKeySource() {
        return fromEnvironment() ? ENVIRONMENT_VARIABLE : MasterKey.file(recio.dataDir()).toString();
    }

    @Override
    @Transactional
    public String rotate(String next) {
        boolean file = !fromEnvironment();
        if (!file && (next == null || next.isBlank())) {
            throw new IllegalStateException("the master key comes from " + ENVIRONMENT_VARIABLE + "; give the new one "
                    + "(openssl rand -base64 32) in " + NEW_KEY_VARIABLE);
        }
        MasterKey old = masterKey;
        MasterKey key = next == null || next.isBlank() ? MasterKey.generate() : MasterKey.parse(next, NEW_KEY_VARIABLE);
        Rotation rotation = (current, purpose) -> {
            if (!current.keyId().equals(old.id())) {
                throw new IllegalStateException("a stored secret (" + purpose + ") was sealed with master key "
                        + current.keyId() + ", not with recio's current key " + old.id() + "; nothing was changed");
            }
            return new Sealed(key.seal(old.open(current.value(), purpose), purpose), key.id());
        };
        holders.orderedStream().forEach(h -> h.reseal(rotation));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (file) {
                    key.replaceFile(MasterKey.file(recio.dataDir()));
                }
                masterKey = key;
            }
        });
        log.info("master key rotated from {} to {}", old.id(), key.id());
        return key.id();
    }
}
