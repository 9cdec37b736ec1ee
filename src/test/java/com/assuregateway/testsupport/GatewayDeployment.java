package com.assuregateway.testsupport;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR exactly as built by the package phase, deployed at the root context as in production (the
 * microbundle serves it at "/"). Tests talk to it over HTTP only.
 */
public final class GatewayDeployment {

    private GatewayDeployment() {
    }

    public static WebArchive war() {
        TestDatabase.prepare();
        String serverLog = System.getProperty("test.server.log");
        if (serverLog != null) {
            // Payara Micro writes its log there (arquillian.xml) but does not create the folder
            new File(serverLog).getParentFile().mkdirs();
        }
        File war = new File("target/assure-gateway.war");
        if (!war.isFile()) {
            throw new IllegalStateException("target/assure-gateway.war is missing: run mvn verify, not the IT alone");
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
