package org.quire;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The v1 API lives under /api; the WAR itself is served at the context root. */
@ApplicationPath("api")
public class QuireApplication extends Application {

    /** No generated WADL: the contract is API.md (and, with Operations, /openapi). */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
