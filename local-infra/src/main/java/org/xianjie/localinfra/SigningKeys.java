package org.xianjie.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs local and test tokens. The local stack keeps it with its data so
 * that printed tokens stay valid across restarts; tests make a fresh one per run. It never
 * leaves the machine and is not a production secret: production verifies tokens of the
 * agencies' identity provider (public key or JWKS).
 */
public record SigningKeys(PrivateKey privateKey, PublicKey publicKey, Path publicKeyPem) {

    public static SigningKeys loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path priv = dir.resolve("signing-key.pem");
            Path pub = dir.resolve("verification-key.pem");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (Files.exists(priv) && Files.exists(pub)) {
                return new SigningKeys(
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(priv)))),
                        rsa.generatePublic(new X509EncodedKeySpec(pem(Files.readString(pub)))),
                        pub);
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            priv.toFile().setReadable(false, false);
            priv.toFile().setReadable(true, true);
            return new SigningKeys(pair.getPrivate(), pair.getPublic(), pub);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The identity-number HMAC keys of this stack, {@code id:base64} as
     * {@code xianjie.identity.hmac-keys} takes them: generated once beside the signing key and kept
     * with the data, so that hashes written before a restart still match. Production supplies its
     * own from a secret.
     */
    public String identityHmacKeys() {
        return identityHmacKeys(publicKeyPem.getParent());
    }

    static String identityHmacKeys(Path dir) {
        Path file = dir.resolve("identity-hmac-keys");
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new java.security.SecureRandom().nextBytes(secret);
                Files.writeString(file, "local1:" + Base64.getEncoder().encodeToString(secret) + "\n");
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder()
                .decode(text.replaceAll("-----[A-Z ]+-----", "").trim());
    }
}
