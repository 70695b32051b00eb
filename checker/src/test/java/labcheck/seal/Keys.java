package labcheck.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** A fresh Ed25519 key pair as PEM files, as `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout` write them. */
public record Keys(Path privatePem, Path publicPem, String privateBase64) {

    public static Keys create(Path dir, String name) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String priv = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        Path privatePem = Files.writeString(dir.resolve(name + ".pem"),
                "-----BEGIN PRIVATE KEY-----\n" + priv + "\n-----END PRIVATE KEY-----\n");
        Path publicPem = Files.writeString(dir.resolve(name + ".pub.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        return new Keys(privatePem, publicPem, priv);
    }
}
