package io.recio.accounts.internal;

import io.recio.accounts.Role;
import io.recio.accounts.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty database, creates the master admin {@code admin} with the
 * password from RECIO_ADMIN_PASSWORD, or a generated one shown once on the console. Only when there is a console:
 * {@code ./recio simulator} and the tool commands run no web server and so create no account. It runs once every bean
 * exists (the schema is migrated) and before the web server opens its port: a sign-in the moment {@code /health}
 * answers finds the admin (as an application runner it came after the port opened, and such a sign-in was refused).
 */
@Component
@ConditionalOnWebApplication
class InitialAdmin implements SmartInitializingSingleton {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final UserAccounts accounts;
    private final AccountsProperties properties;

    InitialAdmin(UserAccounts accounts, AccountsProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.count() > 0) {
            return;
        }
        String given = properties.initialAdminPassword();
        if (given != null && !given.isBlank()) {
            accounts.create(USERNAME, given, Role.MASTER_ADMIN);
            log.info("Created the master admin '{}' with the password from RECIO_ADMIN_PASSWORD.", USERNAME);
            return;
        }
        String generated = accounts.generatePassword();
        accounts.createWithTemporaryPassword(USERNAME, generated, Role.MASTER_ADMIN);
        // Shown once, on purpose: this is the only way the owner learns the generated password. It goes to the
        // terminal only, never through the logger, so no log file ever holds it.
        log.warn("Created the master admin '{}' with a generated password, printed once on the terminal.", USERNAME);
        System.out.printf("""

                ==============================================================
                 recio created the master admin.  Sign in at /login with
                   username: %s
                   password: %s
                 This password is shown only once and must be changed at the
                 first sign-in. Set RECIO_ADMIN_PASSWORD
                 before the first start to choose it yourself.
                ==============================================================
                %n""", USERNAME, generated);
    }
}
