package io.recio.kalshi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kalshi's RSA-PSS request signature from PKCS#1 and PKCS#8 keys, and the secrecy of the credentials. */
class PemKeysAndSignerTest {

    private static KeyPair pair;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
    }

    static String pkcs8Pem(KeyPair keys) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** PKCS#1 is the OCTET STRING at the end of PKCS#8's PrivateKeyInfo (after a 26-byte header for RSA). */
    static String pkcs1Pem(KeyPair keys) {
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        return "-----BEGIN RSA PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
    }

    static boolean verifies(PublicKey key, String message, String signatureBase64) throws Exception {
        Signature verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(RequestSigner.PSS);
        verifier.initVerify(key);
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signatureBase64));
    }

    @Test
    void pkcs8AndPkcs1PemOfTheSameKeyAreTheSameKey() {
        assertThat(PemKeys.parse(pkcs1Pem(pair))).isEqualTo(PemKeys.parse(pkcs8Pem(pair)));
        assertThat(PemKeys.parse(pkcs8Pem(pair)).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    }

    @Test
    void signatureCoversTimestampMethodAndPathWithoutQuery() throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1703123456789L), ZoneOffset.UTC);
        RequestSigner signer = new RequestSigner(new KalshiCredentials("key-1", PemKeys.parse(pkcs1Pem(pair))), clock);

        Map<String, String> headers = signer.headers("get", "/trade-api/v2/portfolio/orders?limit=5");

        assertThat(headers).containsEntry("KALSHI-ACCESS-KEY", "key-1")
                .containsEntry("KALSHI-ACCESS-TIMESTAMP", "1703123456789");
        assertThat(verifies(pair.getPublic(), "1703123456789GET/trade-api/v2/portfolio/orders",
                headers.get("KALSHI-ACCESS-SIGNATURE"))).isTrue();
        assertThat(verifies(pair.getPublic(), "1703123456789GET/trade-api/v2/portfolio/orders?limit=5",
                headers.get("KALSHI-ACCESS-SIGNATURE"))).isFalse();
    }

    @Test
    void credentialsNeverShowTheKeyInToString() {
        KalshiCredentials credentials = new KalshiCredentials("a952bcbe-secret-id", PemKeys.parse(pkcs8Pem(pair)));

        assertThat(credentials.toString()).doesNotContain("a952bcbe").contains("redacted");
    }

    @Test
    void garbageKeyIsRejectedWithoutEchoingIt() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nTUlJQ1hBSUJBQUtCZ1FD\n-----END RSA PRIVATE KEY-----\n";

        assertThatThrownBy(() -> PemKeys.parse(pem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid RSA key").hasMessageNotContaining("TUlJ");
    }

    @Test
    void nonPemTextIsRejectedNamingTheAcceptedForms() {
        assertThatThrownBy(() -> PemKeys.parse("ssh-rsa AAAA")).hasMessageContaining("PKCS#1")
                .hasMessageContaining("PKCS#8").hasMessageNotContaining("AAAA");
    }

    @Test
    void missingKeyFileIsNamedInTheError(@TempDir Path dir) {
        assertThatThrownBy(() -> KalshiCredentials.fromFile("id", dir.resolve("nope.key")))
                .hasMessageContaining("nope.key");
    }

    @Test
    void keyFileInPkcs1IsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kalshi.key");
        Files.writeString(file, pkcs1Pem(pair));

        KalshiCredentials credentials = KalshiCredentials.fromFile("id", file);

        assertThat(credentials.privateKey()).isEqualTo(pair.getPrivate());
    }
}
