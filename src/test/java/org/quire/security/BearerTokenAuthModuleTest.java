package org.quire.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which requests the authentication module answers itself, with what login, and which it hands to
 * the container's MP-JWT bridge. The container's parts are recorders: what reaches the real
 * container is what the access-control ITs check.
 */
class BearerTokenAuthModuleTest {

    private static final String KNOWN_TOKEN = "known.token.signature";
    private static final CredentialValidationResult KNOWN = new CredentialValidationResult(new CallerPrincipal("alice"), Set.of("editor"));

    private final List<Callback> loggedIn = new ArrayList<>();
    private final CallbackHandler containerHandler = callbacks -> loggedIn.addAll(List.of(callbacks));
    private final Bridge bridge = new Bridge();
    private final List<String> asked = new ArrayList<>();
    private int bridgesSetUp;
    private BearerTokenAuthModule module;

    /** A module in front of the recording bridge, set up as the container sets it up before each request. */
    private BearerTokenAuthModule module(boolean tokensInAuthorizationHeader) throws Exception {
        BearerTokenAuthModule fresh = new BearerTokenAuthModule(new Container(), "server ", token -> {
            asked.add(token);
            return KNOWN_TOKEN.equals(token) ? KNOWN : null;
        }, tokensInAuthorizationHeader);
        fresh.initialize(null, null, containerHandler, Map.of());
        return fresh;
    }

    @BeforeEach
    void inFrontOfTheBridge() throws Exception {
        module = module(true);
    }

    @Test
    void aRequestWithoutAnAuthorizationHeaderIsAnonymousWithoutTheBridge() throws Exception {
        Message message = new Message(Map.of());
        Subject client = new Subject();

        assertEquals(AuthStatus.SUCCESS, module.validateRequest(message, client, null));
        assertEquals(1, loggedIn.size());
        CallerPrincipalCallback login = assertInstanceOf(CallerPrincipalCallback.class, loggedIn.get(0));
        assertNull(login.getPrincipal());
        assertNull(login.getName());
        assertEquals(AuthStatus.SUCCESS, module.secureResponse(message, null));
        assertEquals(List.of(), bridge.calls);
        assertEquals(List.of(), asked);
    }

    @Test
    void aRememberedTokenLogsTheCallerInWithItsVerdictWithoutTheBridge() throws Exception {
        Message message = new Message(Map.of("Authorization", "Bearer " + KNOWN_TOKEN));
        Subject client = new Subject();

        assertEquals(AuthStatus.SUCCESS, module.validateRequest(message, client, null));
        assertEquals(2, loggedIn.size());
        CallerPrincipalCallback login = assertInstanceOf(CallerPrincipalCallback.class, loggedIn.get(0));
        assertSame(KNOWN.getCallerPrincipal(), login.getPrincipal());
        assertSame(client, login.getSubject());
        GroupPrincipalCallback groups = assertInstanceOf(GroupPrincipalCallback.class, loggedIn.get(1));
        assertArrayEquals(new String[] {"editor"}, groups.getGroups());
        assertTrue(client.getPrincipals().contains(KNOWN.getCallerPrincipal()));
        assertEquals(AuthStatus.SUCCESS, module.secureResponse(message, null));
        assertEquals(List.of(), bridge.calls);
    }

    @Test
    void aTokenTheServerDoesNotRememberGoesToTheBridgeForBothHalvesOfTheExchange() throws Exception {
        Message message = new Message(Map.of("Authorization", "Bearer first.time.token"));

        assertEquals(AuthStatus.SEND_FAILURE, module.validateRequest(message, new Subject(), null));
        assertEquals(AuthStatus.SEND_SUCCESS, module.secureResponse(message, null));
        assertEquals(List.of("validateRequest", "secureResponse"), bridge.calls);
        assertEquals(List.of("first.time.token"), asked);
        assertEquals(List.of(), loggedIn);
    }

    @Test
    void anAuthorizationHeaderThatIsNotABearerTokenGoesToTheBridge() throws Exception {
        Message message = new Message(Map.of("Authorization", "Basic YWRtaW46YWRtaW4="));

        assertEquals(AuthStatus.SEND_FAILURE, module.validateRequest(message, new Subject(), null));
        assertEquals(List.of("validateRequest"), bridge.calls);
        assertEquals(List.of(), asked);
    }

    @Test
    void withTokensInAnotherHeaderEveryRequestGoesToTheBridge() throws Exception {
        BearerTokenAuthModule cookies = module(false);

        cookies.validateRequest(new Message(Map.of()), new Subject(), null);
        cookies.validateRequest(new Message(Map.of("Authorization", "Bearer " + KNOWN_TOKEN)), new Subject(), null);
        assertEquals(List.of("validateRequest", "validateRequest"), bridge.calls);
        assertEquals(List.of(), loggedIn);
    }

    @Test
    void theBridgeIsSetUpOnceForTheContainersHandler() throws Exception {
        module.initialize(null, null, containerHandler, Map.of());
        module.initialize(null, null, containerHandler, Map.of());
        assertEquals(1, bridgesSetUp);

        CallbackHandler another = callbacks -> { };
        module.initialize(null, null, another, Map.of());
        assertEquals(2, bridgesSetUp);
        assertSame(another, bridge.handler);
    }

    /** The request half of a message: a servlet request with the given headers. */
    private static final class Message implements MessageInfo {
        private final Map<Object, Object> notes = new HashMap<>();
        private final Object request;

        Message(Map<String, String> headers) {
            request = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getHeader" -> headers.get((String) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        @Override
        public Object getRequestMessage() {
            return request;
        }

        @Override
        public Object getResponseMessage() {
            return null;
        }

        @Override
        public void setRequestMessage(Object request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setResponseMessage(Object response) {
            throw new UnsupportedOperationException();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Map getMap() {
            return notes;
        }
    }

    /** Records what reaches the bridge; refuses every request so that a hand-over is visible. */
    private static final class Bridge implements ServerAuthContext {
        final List<String> calls = new ArrayList<>();
        CallbackHandler handler;

        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) {
            calls.add("validateRequest");
            return AuthStatus.SEND_FAILURE;
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) {
            calls.add("secureResponse");
            return AuthStatus.SEND_SUCCESS;
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) {
            calls.add("cleanSubject");
        }
    }

    /** The provider registered for the application before the module: it hands out the bridge. */
    private final class Container implements AuthConfigProvider {
        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler) {
            assertEquals("HttpServlet", layer);
            assertEquals("server ", appContext);
            bridgesSetUp++;
            bridge.handler = handler;
            return new ServerAuthConfig() {
                @Override
                @SuppressWarnings("rawtypes")
                public ServerAuthContext getAuthContext(String authContextID, Subject serviceSubject, Map properties) {
                    return bridge;
                }

                @Override
                public String getMessageLayer() {
                    return layer;
                }

                @Override
                public String getAppContext() {
                    return appContext;
                }

                @Override
                public String getAuthContextID(MessageInfo messageInfo) {
                    return appContext;
                }

                @Override
                public void refresh() {
                }

                @Override
                public boolean isProtected() {
                    return false;
                }
            };
        }

        @Override
        public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler) {
            return null;
        }

        @Override
        public void refresh() {
        }
    }
}
