package org.quire.security;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * The application's Jakarta Authentication module: answers the two requests that need no token
 * verification itself and hands every other one to the module the container had registered for
 * this application (Jakarta Security's bridge to Payara's MP-JWT mechanism).
 *
 * <ul>
 * <li>No Authorization header: anonymous, as the MP-JWT mechanism would decide.</li>
 * <li>A bearer token with a VALID verdict that {@link VerifiedTokens} still holds (verified within
 * the last minute, under the current key, inside its time window): the caller is logged in with
 * that verdict, through the same two callbacks the mechanism's login makes.</li>
 * </ul>
 *
 * <p>Why a module and not a mechanism: the bridge looks the mechanism up in CDI, through a JNDI
 * lookup of the bean manager, twice per request (before validating and before securing the
 * response), and then the mechanism looks up its identity store the same way. In the profile of
 * an anonymous read that was 8% of all CPU; a module registered in front of the bridge skips all
 * of it. A first or unknown token, a bad one, and any request when {@code mp.jwt.token.header}
 * names another header than Authorization go through the bridge exactly as before.
 */
final class BearerTokenAuthModule implements ServerAuthModule {

    /** The message layer of the Servlet Container Profile. */
    static final String SERVLET_LAYER = "HttpServlet";
    static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";
    /** Marks, in the request's MessageInfo, a request this module answered itself. */
    private static final String ANSWERED_HERE = BearerTokenAuthModule.class.getName();

    private final AuthConfigProvider container;
    private final String appContext;
    private final Function<String, CredentialValidationResult> remembered;
    private final boolean tokensInAuthorizationHeader;

    /** The container gives the same handler with every request; the bridge is set up with it once. */
    private record Bridge(CallbackHandler handler, ServerAuthContext context) {
    }

    private volatile Bridge bridge;

    /**
     * @param container the provider registered for this application before this module (the bridge)
     * @param remembered a bearer token's remembered VALID verdict, or null
     * @param tokensInAuthorizationHeader false when {@code mp.jwt.token.header} names another header
     */
    BearerTokenAuthModule(AuthConfigProvider container, String appContext,
                          Function<String, CredentialValidationResult> remembered, boolean tokensInAuthorizationHeader) {
        this.container = container;
        this.appContext = appContext;
        this.remembered = remembered;
        this.tokensInAuthorizationHeader = tokensInAuthorizationHeader;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
                           @SuppressWarnings("rawtypes") Map options) throws AuthException {
        // Payara calls this before every request, with a fresh context around this one module.
        Bridge current = bridge;
        if (current == null || current.handler() != handler) {
            bridge = new Bridge(handler, container.getServerAuthConfig(SERVLET_LAYER, appContext, handler)
                    .getAuthContext(appContext, null, Map.of()));
        }
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        Bridge current = bridge;
        if (tokensInAuthorizationHeader) {
            String authorization = ((HttpServletRequest) message.getRequestMessage()).getHeader(AUTHORIZATION);
            if (authorization == null) {
                return answered(message, current.handler(), new CallerPrincipalCallback(client, (String) null));
            }
            if (authorization.startsWith(BEARER)) {
                CredentialValidationResult known = remembered.apply(authorization.substring(BEARER.length()));
                if (known != null) {
                    Principal caller = known.getCallerPrincipal();
                    client.getPrincipals().add(caller);
                    Set<String> groups = known.getCallerGroups();
                    CallerPrincipalCallback login = new CallerPrincipalCallback(client, caller);
                    return groups.isEmpty() ? answered(message, current.handler(), login)
                            : answered(message, current.handler(), login, new GroupPrincipalCallback(client, groups.toArray(String[]::new)));
                }
            }
        }
        return current.context().validateRequest(message, client, service);
    }

    private static AuthStatus answered(MessageInfo message, CallbackHandler handler, Callback... callbacks) throws AuthException {
        try {
            handler.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException containerRefused) {
            throw (AuthException) new AuthException("The container refused the caller: " + containerRefused).initCause(containerRefused);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> notes = message.getMap();
        notes.put(ANSWERED_HERE, Boolean.TRUE);
        return AuthStatus.SUCCESS;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
        if (message.getMap().containsKey(ANSWERED_HERE)) {
            return AuthStatus.SUCCESS; // what the MP-JWT mechanism answers: nothing to add to a response
        }
        return bridge.context().secureResponse(message, service);
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
        bridge.context().cleanSubject(message, subject);
    }
}
