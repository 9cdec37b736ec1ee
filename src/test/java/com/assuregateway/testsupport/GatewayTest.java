package com.assuregateway.testsupport;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every in-container test class shares: the gateway's WAR ({@link GatewayDeployment}) on a Payara Micro
 * of the class's own, and the test talking to it from outside, over HTTP at {@link #base}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class GatewayTest {

    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return GatewayDeployment.war();
    }
}
