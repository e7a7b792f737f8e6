package org.quire;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The v1 API lives under /api; the WAR itself is served at the context root. */
@ApplicationPath("api")
public class QuireApplication extends Application {
}
