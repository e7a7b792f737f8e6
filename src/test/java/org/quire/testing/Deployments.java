package org.quire.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What the ITs deploy: the WAR the build produced, unchanged — what admins deploy. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive quireWar() {
        File war = new File(System.getProperty("quire.war", "target/quire.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the ITs through ./mvnw verify, which packages it first");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
