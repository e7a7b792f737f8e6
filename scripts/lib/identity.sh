# Shared by the check scripts: a stand-in identity provider. A key pair under target/, whose
# public half the server trusts (IDP_PUBLIC_KEY, IDP_ISSUER), and tokens it signs
# (org.quire.tools.dev.TokenCommand, as bin/quire-token runs it).
IDP_KEYS=$PWD/target/check-idp
IDP_ISSUER=https://idp.example.com/quire
IDP_PUBLIC_KEY=file:$IDP_KEYS/public.pem

# token ROLE: a one-hour token for the role.
token() {
    java -cp "target/classes:$(cat target/tools.classpath)" -Dquire.jwt.keys="$IDP_KEYS" -Dquire.jwt.issuer="$IDP_ISSUER" \
        -Dquire.jwt.createKeys=true -Drole="$1" org.quire.tools.dev.TokenCommand
}
