package org.cloudmarket.it;

import java.util.HashSet;
import java.util.Set;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Every IT deploys the same EAR (EarIT): Arquillian would deploy and undeploy it around each class, some 60 times a
 * run at 5 to 8 s each, the largest part of the suite's time. This extension deploys it the first time only and leaves
 * it deployed until the server stops at the end of the run: the classes then share one deployment, as they already
 * share one database, so each must leave the server as it found it (its clock, its settings), which they do. The
 * server directory is configured afresh by every build (ear/pom.xml), so a deployment never outlives its run; a server
 * a test restarts (BillingKillIT) deploys it again on boot, from its standalone.xml.
 */
public class DeployOnce implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Deployments.class);
    }

    /** Arquillian's own deploy and undeploy, intercepted: what is deployed stays so. */
    public static class Deployments {

        private final Set<String> deployed = new HashSet<>();

        public void deploy(@Observes EventContext<DeployDeployment> deployment) {
            Deployment ear = deployment.getEvent().getDeployment();
            if (deployed.add(ear.getDescription().getArchive().getName())) {
                deployment.proceed();
            } else {
                ear.deployed();
            }
        }

        public void undeploy(@Observes EventContext<UnDeployDeployment> undeployment) {
            // not proceeded: the server keeps the EAR for the next class and is stopped, with it, at the end of the run
        }
    }
}
