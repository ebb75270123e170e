package org.caseops.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.caseops.domain.operations.CaseAction;

/** The module boundaries: dependencies point inward, towards the domain. */
@AnalyzeClasses(packages = "org.caseops", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The model is the stable core: it knows nothing of storage, jobs, HTTP or the WAR. */
  @ArchTest
  static final ArchRule domainDependsOnNothingOfOurs =
      noClasses()
          .that()
          .resideInAPackage("org.caseops.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.caseops.persistence..",
              "org.caseops.batch..",
              "org.caseops.api..",
              "org.caseops.web..")
          .because(
              "the model is the stable core: it knows nothing of storage, jobs, HTTP or the WAR");

  /** The model stays plain Java: Jakarta Persistence and Validation annotations at most. */
  @ArchTest
  static final ArchRule domainUsesOnlyPersistenceAndValidation =
      classes()
          .that()
          .resideInAPackage("org.caseops.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "org.caseops.domain..", "java..", "jakarta.persistence..", "jakarta.validation..")
          .because(
              "the model stays plain Java: Jakarta Persistence and Validation annotations at most");

  /** Storage serves the others and calls none of them. */
  @ArchTest
  static final ArchRule persistenceDoesNotReachOutward =
      noClasses()
          .that()
          .resideInAPackage("org.caseops.persistence..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.caseops.batch..", "org.caseops.api..", "org.caseops.web..")
          .because("storage serves the others and calls none of them");

  /** The API starts jobs by name through the JobOperator, so it needs no batch class. */
  @ArchTest
  static final ArchRule apiDoesNotDependOnBatch =
      noClasses()
          .that()
          .resideInAPackage("org.caseops.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.caseops.batch..", "org.caseops.web..")
          .because(
              "the API starts jobs by name through the JobOperator, so it needs no batch class");

  /** Jobs do not call the REST layer. */
  @ArchTest
  static final ArchRule batchDoesNotDependOnApi =
      noClasses()
          .that()
          .resideInAPackage("org.caseops.batch..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.caseops.api..", "org.caseops.web..")
          .because("jobs do not call the REST layer");

  /**
   * What caseops knows of an action lives in its descriptor, so that adding an action touches no
   * switch elsewhere.
   */
  @ArchTest
  static final ArchRule noSwitchOnCaseActionOutsideTheDescriptors =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "org.caseops.domain.operations..", "org.caseops.api.operations.actions..")
          .should()
          .callMethod(CaseAction.class, "ordinal")
          .because(
              "an action is one descriptor (ActionRules in the domain, ActionDescriptor in the API): a switch on"
                  + " CaseAction elsewhere would spread what caseops knows of an action again");

  /**
   * Services say what went wrong in the rules' terms (not found, conflict, invalid); the REST layer
   * alone chooses the HTTP status and Graph error code.
   */
  @ArchTest
  static final ArchRule servicesDoNotThrowHttpErrors =
      noClasses()
          .that()
          .resideInAPackage("org.caseops.api..")
          .and()
          .haveSimpleNameEndingWith("Service")
          .should()
          .dependOnClassesThat()
          .areAssignableTo("org.caseops.api.errors.ApiException")
          .because(
              "services throw the refusals of org.caseops.domain.support, which the REST layer maps to Graph errors;"
                  + " an HTTP-shaped exception in a service ties the rules to one protocol");

  /**
   * Jakarta EE 11 offers every persistence unit's entity manager as a default bean too, so caseops'
   * own is injected with its qualifier; a plain {@code @Inject EntityManager} deploys on one
   * runtime and fails on another.
   */
  @ArchTest
  static final ArchRule entityManagersAreInjectedWithTheirQualifier =
      fields()
          .that()
          .haveRawType("jakarta.persistence.EntityManager")
          .and()
          .areAnnotatedWith("jakarta.inject.Inject")
          .should()
          .beAnnotatedWith("org.caseops.persistence.jpa.CaseopsUnit")
          .because(
              "only the @CaseopsUnit entity manager is produced on every runtime (Payara 6 and 7, WildFly)");

  /**
   * Every job start and restart goes through {@code JobOperatorJobs}, which runs it in the web
   * application's context: the batch runtime runs a job's steps in the context of the thread that
   * started it, and on Payara a step started from an EJB with container-managed transactions may
   * not look up {@code java:comp/UserTransaction}, so its operation fails at step start.
   */
  @ArchTest
  static final ArchRule onlyTheJobWrapperStartsJobs =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.caseops.batch.operations.JobOperatorJobs")
          .and()
          .doNotHaveFullyQualifiedName(
              "org.caseops.batch.operations.JobOperatorJobs$DirectLauncher")
          .should()
          .callMethod(
              "jakarta.batch.operations.JobOperator",
              "start",
              "java.lang.String",
              "java.util.Properties")
          .orShould()
          .callMethod(
              "jakarta.batch.operations.JobOperator", "restart", "long", "java.util.Properties")
          .because("a job started elsewhere runs its steps in whatever context that thread has");

  /** No EJB starts, restarts or watches jobs (see {@link #onlyTheJobWrapperStartsJobs}). */
  @ArchTest
  static final ArchRule noEnterpriseBeanTouchesJobs =
      noClasses()
          .that()
          .areAnnotatedWith("jakarta.ejb.Singleton")
          .or()
          .areAnnotatedWith("jakarta.ejb.Stateless")
          .or()
          .areAnnotatedWith("jakarta.ejb.Stateful")
          .or()
          .areAnnotatedWith("jakarta.ejb.MessageDriven")
          .should()
          .dependOnClassesThat()
          .areAssignableTo("org.caseops.domain.operations.OperationJobs")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo("jakarta.batch.operations.JobOperator")
          .orShould()
          .callMethodWhere(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "a method of org.caseops.batch",
                  call -> call.getTargetOwner().getPackageName().startsWith("org.caseops.batch")))
          .because(
              "a job started on an EJB's thread runs its steps in that EJB's context, where Payara refuses"
                  + " java:comp/UserTransaction to container-managed beans");
}
