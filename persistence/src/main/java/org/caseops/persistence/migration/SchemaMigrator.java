package org.caseops.persistence.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Migrates the application's database when the application starts, before anything else reads it.
 */
@Singleton
@Startup
@DependsOn("ConfigurationCheck")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Resource(lookup = "java:comp/DefaultDataSource")
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    int applied = SchemaMigrations.migrate(dataSource, SchemaMigrator.class.getClassLoader());
    LOG.info(() -> "caseops schema is current (" + applied + " migration(s) applied)");
  }

  /**
   * Whether the schema is current: always, since a call waits until the migration at start-up has
   * run. Code that starts outside the EJB container's start-up order calls it first.
   */
  public boolean isCurrent() {
    return true;
  }
}
