package org.quire.schema;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.quire.categories.Category;
import org.quire.platform.InstantAttributeConverter;
import org.quire.posts.Post;
import org.quire.posts.PostCount;
import org.quire.posts.PostStatus;
import org.quire.users.User;

/**
 * The schema the JPA entities imply: EclipseLink (as Payara runs it) generates its DDL into a
 * scratch schema, outside any server, from the same classes the WAR deploys.
 */
final class EntitySchema {

    /** Every managed class of the WAR's persistence unit; a new entity belongs here too. */
    static final List<Class<?>> MANAGED = List.of(Category.class, Post.class, PostCount.class, User.class,
            InstantAttributeConverter.class, PostStatus.ColumnConverter.class);

    private EntitySchema() {
    }

    static void generateInto(Database database, String schema) {
        Map<String, Object> properties = Map.of(
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "jakarta.persistence.jdbc.url", database.urlConfinedTo(schema),
                "jakarta.persistence.jdbc.user", database.user(),
                "jakarta.persistence.jdbc.password", database.password(),
                "jakarta.persistence.schema-generation.database.action", "create",
                "eclipselink.target-database", "PostgreSQL",
                "eclipselink.weaving", "false",
                "eclipselink.logging.level", "WARNING");
        EntityManagerFactory factory = new PersistenceProvider().createContainerEntityManagerFactory(new Unit(), properties);
        try {
            factory.createEntityManager().close();
        } finally {
            factory.close();
        }
    }

    private static final class Unit implements PersistenceUnitInfo {
        @Override
        public String getPersistenceUnitName() {
            return "quire-entities";
        }

        @Override
        public String getPersistenceProviderClassName() {
            return PersistenceProvider.class.getName();
        }

        @Override
        public PersistenceUnitTransactionType getTransactionType() {
            return PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }

        @Override
        public DataSource getJtaDataSource() {
            return null;
        }

        @Override
        public DataSource getNonJtaDataSource() {
            return null;
        }

        @Override
        public List<String> getMappingFileNames() {
            return List.of();
        }

        @Override
        public List<URL> getJarFileUrls() {
            return List.of();
        }

        @Override
        public URL getPersistenceUnitRootUrl() {
            return Post.class.getProtectionDomain().getCodeSource().getLocation();
        }

        @Override
        public List<String> getManagedClassNames() {
            return MANAGED.stream().map(Class::getName).toList();
        }

        @Override
        public boolean excludeUnlistedClasses() {
            return true;
        }

        @Override
        public SharedCacheMode getSharedCacheMode() {
            return SharedCacheMode.NONE;
        }

        @Override
        public ValidationMode getValidationMode() {
            return ValidationMode.NONE;
        }

        @Override
        public Properties getProperties() {
            return new Properties();
        }

        @Override
        public String getPersistenceXMLSchemaVersion() {
            return "3.0";
        }

        @Override
        public ClassLoader getClassLoader() {
            return EntitySchema.class.getClassLoader();
        }

        @Override
        public void addTransformer(ClassTransformer transformer) {
        }

        @Override
        public ClassLoader getNewTempClassLoader() {
            return EntitySchema.class.getClassLoader();
        }
    }
}
