package org.cloudmarket.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Seeds the demo tenants at deployment when the server runs with {@code -Dcloudmarket.demo=true}
 * (the run profile and the integration tests), after the schema is migrated. It has no business
 * method: deployment starts it, and nothing else can.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoData {

    /** The system property that switches the demo data on; a production server never sets it. */
    static final String FLAG = "cloudmarket.demo";

    @Inject
    private DemoSeeder demoSeeder;

    public DemoData() {
    }

    DemoData(DemoSeeder demoSeeder) {
        this.demoSeeder = demoSeeder;
    }

    @PostConstruct
    void startup() {
        if (Boolean.getBoolean(FLAG)) {
            demoSeeder.seed();
        }
    }
}
