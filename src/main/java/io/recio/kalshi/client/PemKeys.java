package io.recio.kalshi.client;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads Kalshi's RSA private key from PEM: PKCS#8 ({@code BEGIN PRIVATE KEY}) directly and PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, what Kalshi's download usually is) by wrapping it into a PKCS#8 structure,
 * so no extra crypto library is needed. Error messages never contain key material.
 */
public final class PemKeys {

    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {
    }

    /** Parses a PEM text holding one RSA private key in PKCS#1 or PKCS#8 form. */
    public static PrivateKey parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("the Kalshi private key is empty");
        }
        boolean pkcs1 = pem.contains("-----BEGIN RSA PRIVATE KEY-----");
        boolean pkcs8 = pem.contains("-----BEGIN PRIVATE KEY-----");
        if (!pkcs1 && !pkcs8) {
            throw new IllegalArgumentException("the Kalshi private key is not a PEM 'RSA PRIVATE KEY' (PKCS#1) or "
                    + "'PRIVATE KEY' (PKCS#8); encrypted keys are not supported");
        }
        String type = pkcs1 ? "RSA PRIVATE KEY" : "PRIVATE KEY";
        int begin = pem.indexOf("-----BEGIN " + type + "-----") + ("-----BEGIN " + type + "-----").length();
        int end = pem.indexOf("-----END " + type + "-----");
        if (end < begin) {
            throw new IllegalArgumentException("the Kalshi private key PEM has no END " + type + " line");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin, end).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Kalshi private key PEM body is not valid Base64");
        }
        byte[] pkcs8Der = pkcs1 ? wrapPkcs1(der) : der;
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8Der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the Kalshi private key is not a valid RSA key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 }. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(length(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x100) {
            return new byte[] {(byte) 0x81, (byte) n};
        }
        if (n < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        }
        return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }
}
