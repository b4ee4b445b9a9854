package org.xianjie.platform.integrity;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This service's Ed25519 signing key (JDK crypto only), for checkpoints and evidences. The key pair
 * comes from {@code xianjie.integrity.signing-key} (PKCS#8) and {@code xianjie.integrity.public-key}
 * (X.509 SubjectPublicKeyInfo), each base64 DER or PEM, mounted from a Secret. Without them the
 * service generates a key for its lifetime and warns: enough for tests and the local stack, never
 * for production, where signatures must verify after a restart.
 */
@ApplicationScoped
public class IntegritySigner {

    private static final Logger LOG = Logger.getLogger(IntegritySigner.class);
    public static final String ALGORITHM = "Ed25519";
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
    private static final int SPKI_PREFIX = 12;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    public IntegritySigner(
            @ConfigProperty(name = "xianjie.integrity.signing-key") Optional<String> signingKey,
            @ConfigProperty(name = "xianjie.integrity.public-key") Optional<String> publicKey) {
        try {
            if (signingKey.isPresent() != publicKey.isPresent()) {
                throw new IllegalArgumentException(
                        "xianjie.integrity.signing-key and xianjie.integrity.public-key " + "go together");
            }
            if (signingKey.isPresent()) {
                KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
                this.privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(der(signingKey.get())));
                this.publicKey = keys.generatePublic(new X509EncodedKeySpec(der(publicKey.get())));
                byte[] probe = "xianjie key pair check".getBytes(StandardCharsets.UTF_8);
                if (!verify(this.publicKey, probe, sign(this.privateKey, probe))) {
                    throw new IllegalArgumentException("xianjie.integrity.public-key is not the signing key's");
                }
            } else {
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                this.privateKey = pair.getPrivate();
                this.publicKey = pair.getPublic();
                LOG.warn("xianjie.integrity.signing-key is not set: checkpoints and evidences are signed with a key "
                        + "generated for this process, which no one can verify after a restart");
            }
            this.keyId = thumbprint(rawPublicKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the integrity signing key cannot be read", e);
        }
    }

    /** base64url (no padding) of the Ed25519 signature of {@code message}'s UTF-8 bytes. */
    public String sign(String message) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(sign(privateKey, message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /** The JWK thumbprint (RFC 7638) of the public key, naming it in what it signs. */
    public String keyId() {
        return keyId;
    }

    /** The raw 32-byte public key, base64url without padding: the JWK's {@code x}. */
    public String x() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublicKey());
    }

    public String pem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private byte[] rawPublicKey() {
        byte[] spki = publicKey.getEncoded();
        return Arrays.copyOfRange(spki, SPKI_PREFIX, spki.length);
    }

    static String thumbprint(byte[] raw) throws GeneralSecurityException {
        String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(raw) + "\"}";
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(key);
        s.update(message);
        return s.sign();
    }

    private static boolean verify(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initVerify(key);
        s.update(message);
        return s.verify(signature);
    }

    private static byte[] der(String base64OrPem) {
        String body = base64OrPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
