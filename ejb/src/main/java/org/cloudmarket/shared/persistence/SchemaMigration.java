package org.cloudmarket.shared.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the Liquibase changelogs of the {@code liquibase} module when the application deploys,
 * before anything else touches the database. A failed migration fails the deployment.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    static final String MASTER_CHANGELOG = "db/changelog/master.xml";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        // Liquibase.close() closes the connection it was given.
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(MASTER_CHANGELOG,
                    new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader()), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
            LOG.info("Database schema is up to date");
        } catch (Exception e) {
            throw new IllegalStateException("Database migration failed", e);
        }
    }
}
