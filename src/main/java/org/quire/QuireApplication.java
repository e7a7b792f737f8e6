package org.quire;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.quire.security.Roles;

/**
 * The v1 API lives under /api; the WAR itself is served at the context root. Callers present
 * MicroProfile JWT bearer tokens (key and issuer from mp.jwt.verify.*); without one they are
 * anonymous readers. Roles come from the token's groups claim.
 */
@ApplicationPath("api")
// A bean, so that the MP-JWT CDI extension sees @LoginConfig under bean-discovery-mode="annotated".
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.EDITOR, Roles.ADMIN})
public class QuireApplication extends Application {

    /** No generated WADL: the contract is API.md (and, with Operations, /openapi). */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
