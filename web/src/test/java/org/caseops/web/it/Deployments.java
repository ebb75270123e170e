package org.caseops.web.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR that the build made, deployed as it is at the root context (Payara Micro serves ROOT.war
 * at /).
 */
final class Deployments {
  private Deployments() {}

  static WebArchive builtWar() {
    File war = new File(System.getProperty("caseops.war", "target/caseops.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(
          "the WAR " + war + " is not built; run the integration tests with mvn verify");
    }
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }
}
