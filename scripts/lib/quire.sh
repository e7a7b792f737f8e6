# Shared by the check scripts: Quire started with the README's admin command, as written there.

# start_quire PORT LOG: the admin command in the background against DB_URL, DB_USER, DB_PASSWORD
# (and the stand-in identity provider of identity.sh); the server's pid is in QUIRE_PID.
start_quire() {
    MP_JWT_VERIFY_PUBLICKEY_LOCATION=$IDP_PUBLIC_KEY MP_JWT_VERIFY_ISSUER=$IDP_ISSUER \
      java @server-config/jvm.options -jar target/payara/payara-micro.jar --nohazelcast \
        --addlibs target/payara/postgresql.jar \
        --logproperties server-config/logging.properties \
        --prebootcommandfile server-config/http-listener.asadmin \
        --postbootcommandfile server-config/post-boot-commands.asadmin \
        --deploy target/quire.war --contextroot / --port "$1" >"$2" 2>&1 &
    QUIRE_PID=$!
}

# await_quire PORT LOG: waits until the API answers on PORT (exits with the log if the server dies).
await_quire() {
    for _ in $(seq 1 180); do
        if curl -fs -o /dev/null "http://localhost:$1/api/categories"; then return 0; fi
        if ! kill -0 "$QUIRE_PID" 2>/dev/null; then echo "Payara Micro exited:"; tail -50 "$2"; exit 1; fi
        sleep 1
    done
    echo "Quire did not answer on :$1 within 3 minutes"; tail -50 "$2"; exit 1
}
