package org.cloudmarket.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Seeds the demo tenants at deployment when the server runs with {@code -Dcloudmarket.demo=true}
 * (the run profile and the integration tests), after the schema is migrated.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoData {

    @EJB
    private DemoSeeder demoSeeder;

    @PostConstruct
    void startup() {
        if (Boolean.getBoolean("cloudmarket.demo")) {
            demoSeeder.seed();
        }
    }
}
