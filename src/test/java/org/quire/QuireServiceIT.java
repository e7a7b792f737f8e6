package org.quire;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quire.categories.CategoriesIT;
import org.quire.operations.OperationsIT;
import org.quire.platform.HostileInputIT;
import org.quire.platform.ProblemsIT;
import org.quire.posts.PostsIT;
import org.quire.schema.SchemaResourceIT;
import org.quire.security.AccessControlIT;
import org.quire.users.UsersIT;
import org.quire.testing.Deployments;
import org.quire.testing.QuireApi;

/**
 * The service as clients use it: the built WAR, unchanged, on one real Payara Micro (configured
 * with server-config/ as an admin's) against a real PostgreSQL, started once for every
 * component's tests below. Each component's tests live in its own package and run here as a
 * nested class.
 */
@ExtendWith(ArquillianExtension.class)
class QuireServiceIT {

    /**
     * Where the one deployment answers. Arquillian hands its URL to this class's own test, which
     * runs before the nested ones (it does not reach the enclosing instance of a nested test).
     */
    private static URL served;

    @Deployment(testable = false)
    static WebArchive quire() {
        return Deployments.quireWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void theServiceIsDeployedAndAnswers() {
        QuireApi.at(deployment);
        served = deployment;
    }

    @Nested
    class Categories extends CategoriesIT {
        @Override
        protected URL server() {
            return served;
        }
    }

    @Nested
    class Posts extends PostsIT {
        @Override
        protected URL server() {
            return served;
        }
    }

    @Nested
    class Users extends UsersIT {
        @Override
        protected URL server() {
            return served;
        }
    }

    @Nested
    class AccessControl extends AccessControlIT {
        @Override
        protected URL server() {
            return served;
        }
    }

    @Nested
    class Problems extends ProblemsIT {
        @Override
        protected URL server() {
            return served;
        }
    }

    @Nested
    class Operations extends OperationsIT {
        @Override
        protected URL server() {
            return served;
        }
    }

    @Nested
    class SchemaStatus extends SchemaResourceIT {
        @Override
        protected URL server() {
            return served;
        }
    }

    @Nested
    class HostileInput extends HostileInputIT {
        @Override
        protected URL server() {
            return served;
        }
    }
}
