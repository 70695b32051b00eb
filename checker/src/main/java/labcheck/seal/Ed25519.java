package labcheck.seal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 with the JDK's own provider ({@code Signature.getInstance("Ed25519")}): a private key from a
 * PKCS#8 PEM file ({@code openssl genpkey -algorithm ed25519 -out judges.pem}), its public key from an
 * X.509 PEM file ({@code openssl pkey -in judges.pem -pubout -out judges.pub.pem}). No message ever holds
 * a key's bytes: a bad file is named with what it is not, never quoted.
 *
 * <pre>{@code
 * byte[] sig = Ed25519.sign(Ed25519.privateKey(Path.of("judges.pem")), manifestBytes);
 * boolean ok = Ed25519.verifies(Ed25519.publicKey(Path.of("judges.pub.pem")), manifestBytes, sig);
 * }</pre>
 */
public final class Ed25519 {

    static final String ALGORITHM = "Ed25519";
    private static final String HOW_TO_MAKE = "make one with `openssl genpkey -algorithm ed25519 -out judges.pem`";

    private Ed25519() {
    }

    /** The private key of a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}). */
    public static PrivateKey privateKey(Path pem) {
        String text = read(pem, "--sign");
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalArgumentException("--sign " + pem + " is an encrypted private key; labcheck reads an"
                    + " unencrypted PKCS#8 key. Fix: keep it on an encrypted disk instead, and decrypt a copy with"
                    + " `openssl pkey -in " + pem + " -out judges.pem`.");
        }
        if (text.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new IllegalArgumentException("--sign " + pem + " holds a public key; signing needs the private"
                    + " one (-----BEGIN PRIVATE KEY-----). Fix: give the private key to --sign, and the public key"
                    + " to `labcheck verify --public-key`.");
        }
        byte[] der = der(text, "PRIVATE KEY", pem, "--sign");
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            sign(key, new byte[0]); // a key that cannot sign is refused now, not after a cohort was graded
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--sign " + pem + " is not an Ed25519 private key (an RSA or EC key,"
                    + " or a damaged file). Fix: " + HOW_TO_MAKE + ".");
        }
    }

    /** The public key of an X.509 PEM file ({@code -----BEGIN PUBLIC KEY-----}). */
    public static PublicKey publicKey(Path pem) {
        String text = read(pem, "--public-key");
        if (text.contains("PRIVATE KEY-----")) {
            throw new IllegalArgumentException("--public-key " + pem + " holds a private key; give the public one,"
                    + " made with `openssl pkey -in " + pem + " -pubout -out judges.pub.pem`, and keep the private"
                    + " key away from anyone who only verifies.");
        }
        byte[] der = der(text, "PUBLIC KEY", pem, "--public-key");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--public-key " + pem + " is not an Ed25519 public key. Fix: make it"
                    + " from the signing key with `openssl pkey -in judges.pem -pubout -out judges.pub.pem`.");
        }
    }

    public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    public static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String read(Path pem, String flag) {
        if (!Files.isRegularFile(pem)) {
            throw new IllegalArgumentException(flag + " " + pem + " is not a file. Fix: give the key's PEM file"
                    + (flag.equals("--sign") ? "; " + HOW_TO_MAKE : "") + ".");
        }
        try {
            return Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + flag + " " + pem + ": " + e.getClass().getSimpleName()
                    + ".", e);
        }
    }

    private static byte[] der(String text, String label, Path pem, String flag) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(flag + " " + pem + " is not a PEM file holding '" + begin + "'."
                    + (flag.equals("--sign") ? " Fix: " + HOW_TO_MAKE + "." : " Fix: make it with `openssl pkey"
                    + " -in judges.pem -pubout -out judges.pub.pem`."));
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " " + pem + " is a damaged PEM file (its base64 does not"
                    + " decode). Fix: make it again; " + HOW_TO_MAKE + ".");
        }
    }
}
