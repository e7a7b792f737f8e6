package org.quire.security;

import jakarta.inject.Inject;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts {@link BearerTokenAuthModule} in front of the module the container registered for this
 * application. Listeners start after every ServletContainerInitializer, so Jakarta Security's
 * bridge to the MP-JWT mechanism is registered by then; registering again for the same layer and
 * application replaces it, and the bridge's own listener removes the registration at undeployment.
 */
@WebListener
public class BearerTokenAuthRegistration implements ServletContextListener {

    @Inject
    TokenVerification verification;

    @Inject
    @ConfigProperty(name = "mp.jwt.token.header", defaultValue = BearerTokenAuthModule.AUTHORIZATION)
    String tokenHeader;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext application = event.getServletContext();
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        // The application context identifier the Servlet Container Profile defines.
        String appContext = application.getVirtualServerName() + " " + application.getContextPath();
        AuthConfigProvider container = factory.getConfigProvider(BearerTokenAuthModule.SERVLET_LAYER, appContext, null);
        if (container == null) {
            throw new IllegalStateException("QUIRE CANNOT START - no authentication module is registered for '" + appContext
                    + "': Payara's MP-JWT mechanism (installed by @LoginConfig(authMethod = \"MP-JWT\")) is missing");
        }
        VerifiedTokens tokens = verification.tokens();
        factory.registerServerAuthModule(new BearerTokenAuthModule(container, appContext, tokens::remembered,
                BearerTokenAuthModule.AUTHORIZATION.equals(tokenHeader)), application);
    }
}
