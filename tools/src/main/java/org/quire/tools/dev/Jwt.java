package org.quire.tools.dev;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * RS256 tokens in the shape MicroProfile JWT expects, signed with a local key pair: for the run
 * command's development key and the ITs' test key. Real deployments trust their identity
 * provider's key instead (mp.jwt.verify.publickey.location).
 */
public final class Jwt {

    public static final String PRIVATE_KEY = "private.pem";
    public static final String PUBLIC_KEY = "public.pem";

    private Jwt() {
    }

    /** Creates a 2048-bit RSA key pair in {@code dir} unless one is there already. */
    public static void ensureKeyPair(Path dir) throws IOException, GeneralSecurityException {
        if (Files.isRegularFile(dir.resolve(PRIVATE_KEY)) && Files.isRegularFile(dir.resolve(PUBLIC_KEY))) {
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(dir.resolve(PRIVATE_KEY), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    public static PrivateKey privateKey(Path dir) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(dir.resolve(PRIVATE_KEY))));
    }

    /** The MicroProfile Config value that points at the public key in {@code dir}. */
    public static String publicKeyLocation(Path dir) {
        return dir.resolve(PUBLIC_KEY).toAbsolutePath().toUri().toString();
    }

    /** The public key in {@code dir} as a JWKS of one RSA key, the form identity providers publish. */
    public static String jwks(Path dir) throws IOException, GeneralSecurityException {
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(dir.resolve(PUBLIC_KEY))));
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":" + quote(unsigned(key.getModulus()))
                + ",\"e\":" + quote(unsigned(key.getPublicExponent())) + "}]}";
    }

    /** A JWK number: big-endian, without the sign byte, base64url without padding. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return base64url(bytes);
    }

    /** Claims of one token; times are seconds since the epoch. */
    public record Claims(String issuer, String subject, List<String> groups, Instant issuedAt, Instant expiresAt, Instant notBefore) {

        public static Claims of(String issuer, String subject, List<String> groups, long lifetimeSeconds) {
            Instant now = Instant.now();
            return new Claims(issuer, subject, groups, now, now.plusSeconds(lifetimeSeconds), null);
        }

        String json() {
            StringBuilder json = new StringBuilder("{")
                    .append("\"iss\":").append(quote(issuer))
                    .append(",\"sub\":").append(quote(subject))
                    .append(",\"upn\":").append(quote(subject))
                    .append(",\"jti\":").append(quote(UUID.randomUUID().toString()))
                    .append(",\"groups\":[").append(groups.stream().map(Jwt::quote).collect(Collectors.joining(","))).append("]")
                    .append(",\"iat\":").append(issuedAt.getEpochSecond())
                    .append(",\"exp\":").append(expiresAt.getEpochSecond());
            if (notBefore != null) {
                json.append(",\"nbf\":").append(notBefore.getEpochSecond());
            }
            return json.append("}").toString();
        }
    }

    public static String sign(Claims claims, PrivateKey key) throws GeneralSecurityException {
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims.json());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64url(rsa.sign());
    }

    /** The same claims with no signature at all ({@code alg: none}), as an attacker would send them. */
    public static String unsigned(Claims claims) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.json()) + ".";
    }

    static String encode(String json) {
        return base64url(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static byte[] der(Path pemFile) throws IOException {
        return Base64.getDecoder().decode(Files.readString(pemFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
