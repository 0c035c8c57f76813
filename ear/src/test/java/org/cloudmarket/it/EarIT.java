package org.cloudmarket.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Integration tests run against the EAR this module just built, deployed on the managed WildFly:
 * they exercise exactly what ships, as a client (HTTP or browser) would. The classes share one deployment (DeployOnce).
 */
@ExtendWith(ArquillianExtension.class)
abstract class EarIT {

    /** Read once: DeployOnce deploys it for the first class only. */
    private static EnterpriseArchive ear;

    @Deployment(testable = false)
    static synchronized EnterpriseArchive builtEar() {
        if (ear == null) {
            ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("cloudmarket.ear")));
        }
        return ear;
    }

    /** Every IT signs in from 127.0.0.1: no class inherits another's failed attempts (SignInWindows). */
    @BeforeAll
    static void forgetFailedSignIns() {
        SignInWindows.forgetAll();
    }

    /** The server sends its mail to localhost:3025: one GreenMail for the whole run (MailCatcher). */
    @BeforeAll
    static void catchMail() {
        MailCatcher.start();
    }
}
