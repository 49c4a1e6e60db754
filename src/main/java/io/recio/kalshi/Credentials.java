package io.recio.kalshi;

import io.recio.ToolCommand;
import io.recio.ToolOptions;
import io.recio.ToolRun;
import io.recio.accounts.SecretBox;
import io.recio.kalshi.internal.credentials.CredentialCheck;
import io.recio.kalshi.internal.credentials.CredentialsService;
import io.recio.kalshi.internal.credentials.KalshiEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recio credentials}: the account's Kalshi API key, stored encrypted in recio's database (run while recio is
 * stopped when the database is the embedded file), and the master key that encrypts it.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Store, show or delete the Kalshi API key (encrypted at rest), or rotate the master key.",
        subcommands = {Credentials.Set.class, Credentials.Show.class, Credentials.Delete.class,
                Credentials.RotateMasterKey.class})
public final class Credentials implements Callable<Integer>, ToolCommand {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** {@code recio credentials set --environment demo --key-id ID --private-key FILE}. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Check a Kalshi API key against its environment (parse, sign, read the balance) and store "
                    + "it encrypted. Paper and live mode use it from then on.")
    static final class Set implements Callable<Integer> {
        @Mixin
        ToolOptions tool;

        @Spec
        CommandSpec spec;

        @Option(names = "--environment", required = true, paramLabel = "demo|production",
                description = "Kalshi's environment the key belongs to: ${COMPLETION-CANDIDATES}.")
        KalshiEnvironment environment;

        @Option(names = "--key-id", required = true, paramLabel = "ID", description = "The API key id.")
        String keyId;

        @Option(names = "--private-key", required = true, paramLabel = "FILE",
                description = "The private key's PEM file as Kalshi gave it ('-' reads it from standard input).")
        Path privateKey;

        @Override
        public Integer call() {
            return ToolRun.of(spec).run(out -> {
                String pem = readPrivateKey();
                try (ConfigurableApplicationContext context = tool.startContext()) {
                    KalshiBalance balance = context.getBean(CredentialsService.class).set(environment, keyId, pem,
                            "command line (" + System.getProperty("user.name") + ")");
                    out.println("Kalshi " + environment + " key stored (encrypted); it reads a balance of $"
                            + balance.available().toDollars() + ".");
                    return 0;
                } catch (CredentialCheck.Refused e) {
                    throw new ToolRun.Failure(1, e.field() + ": " + e.getMessage() + ". Nothing was stored.");
                }
            });
        }

        private String readPrivateKey() {
            try {
                return privateKey.toString().equals("-")
                        ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(privateKey);
            } catch (IOException e) {
                throw new ToolRun.Failure(1, "cannot read the private key file " + privateKey + ": "
                        + e.getClass().getSimpleName());
            }
        }
    }

    /** {@code recio credentials show}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Say whether a key is stored, for which environment, and where the master key is (never "
                    + "the key itself).")
    static final class Show implements Callable<Integer> {
        @Mixin
        ToolOptions tool;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return ToolRun.of(spec).inContext(tool, (context, out) -> {
                CredentialsService.Status s = context.getBean(CredentialsService.class).status();
                out.println(s.stored() ? "Kalshi key stored for " + s.environment() + ", set " + s.updatedAt()
                        + " by " + s.updatedBy() : "No Kalshi key stored"
                        + (s.keyFileConfigured() ? "; recio.kalshi.key-file is used" : ""));
                out.println("Master key " + s.masterKeyId() + " from " + (s.masterKeySource().equals("environment")
                        ? SecretBox.ENVIRONMENT_VARIABLE : "the key file in the data directory"));
                return 0;
            });
        }
    }

    /** {@code recio credentials delete}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Forget the stored Kalshi key.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        ToolOptions tool;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return ToolRun.of(spec).inContext(tool, (context, out) -> {
                boolean deleted = context.getBean(CredentialsService.class)
                        .delete("command line (" + System.getProperty("user.name") + ")");
                out.println(deleted ? "Kalshi key deleted." : "No Kalshi key was stored.");
                return 0;
            });
        }
    }

    /** {@code recio credentials rotate-master-key}. */
    @Command(name = "rotate-master-key", mixinStandardHelpOptions = true,
            description = "Re-encrypt the stored secrets (the Kalshi key, the alert channels' tokens and webhook URLs) "
                    + "with a new master key. With the key file: a new random key "
                    + "replaces it. With RECIO_MASTER_KEY: give the new key in RECIO_NEW_MASTER_KEY, then set "
                    + "RECIO_MASTER_KEY to it before the next start.")
    static final class RotateMasterKey implements Callable<Integer> {
        @Mixin
        ToolOptions tool;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return ToolRun.of(spec, IllegalStateException.class, IllegalArgumentException.class).inContext(tool,
                    (context, out) -> {
                        SecretBox box = context.getBean(SecretBox.class);
                        String newKey = context.getEnvironment().getProperty(SecretBox.NEW_KEY_VARIABLE);
                        if (box.fromEnvironment() && (newKey == null || newKey.isBlank())) {
                            throw new ToolRun.Failure(2, "the master key comes from RECIO_MASTER_KEY; put the new one "
                                    + "(openssl rand -base64 32) in RECIO_NEW_MASTER_KEY and run this again");
                        }
                        String old = box.masterKeyId();
                        String next = box.rotate(newKey);
                        out.println("Master key rotated from " + old + " to " + next + "."
                                + (box.fromEnvironment() ? " Set RECIO_MASTER_KEY to the value of RECIO_NEW_MASTER_KEY now."
                                : ""));
                        return 0;
                    });
        }
    }
}
