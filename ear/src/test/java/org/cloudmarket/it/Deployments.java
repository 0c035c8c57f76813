package org.cloudmarket.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR this module just built: integration tests exercise exactly what ships. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive builtEar() {
        File ear = new File(System.getProperty("cloudmarket.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
