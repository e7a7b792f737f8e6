package org.quire.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test of the deployed service: the built WAR on a real Payara Micro against a
 * real PostgreSQL, reached over HTTP like any client. Each subclass boots one server.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class QuireIT {

    @Deployment(testable = false)
    public static WebArchive quire() {
        return Deployments.quireWar();
    }

    @ArquillianResource
    URL deployment;

    /** An admin's client: every test not about roles acts with all of them. */
    protected QuireApi api;

    @BeforeEach
    void connect() {
        api = QuireApi.at(deployment).as(Tokens.admin());
    }

    /** Creates a category with a name no other test uses; returns its id. */
    protected int newCategory(String label) {
        return api.post("api/categories", "{\"name\": \"" + label + " " + QuireApi.unique() + "\"}").expect(201).json().getInt("id");
    }

    /** Creates a user with a username no other test uses; returns its id. */
    protected int newUser() {
        String name = "u" + QuireApi.unique();
        return api.post("api/users", "{\"username\": \"" + name + "\", \"email\": \"" + name + "@example.com\"}")
                .expect(201).json().getInt("id");
    }
}
