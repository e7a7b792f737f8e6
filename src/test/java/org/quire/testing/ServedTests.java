package org.quire.testing;

import static org.quire.testing.Bodies.object;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of the deployed service through its HTTP API, as a client sees it: the built WAR on a
 * real Payara Micro against a real PostgreSQL. They run as {@code @Nested} classes of
 * {@link org.quire.QuireServiceIT}, which starts that server once for all of them.
 */
public abstract class ServedTests {

    /** An admin's client: every test not about roles acts with all of them. */
    protected QuireApi api;

    /** Where the server answers: the deployment {@link org.quire.QuireServiceIT} made. */
    protected abstract URL server();

    @BeforeEach
    void connect() {
        api = QuireApi.at(server()).as(Tokens.admin());
    }

    /** Creates a category with a name no other test uses; returns its id. */
    protected int newCategory(String label) {
        return api.post("api/categories", object("name", label + " " + QuireApi.unique())).expect(201).json().getInt("id");
    }

    /** Creates a user with a username no other test uses; returns its id. */
    protected int newUser() {
        String name = "u" + QuireApi.unique();
        return api.post("api/users", object("username", name, "email", name + "@example.com"))
                .expect(201).json().getInt("id");
    }
}
