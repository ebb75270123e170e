package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.caseops.api.custodians.CustodiansResource;
import org.caseops.api.operations.actions.ActionDescriptor;
import org.caseops.api.operations.actions.ActionDescriptors;
import org.caseops.api.operations.actions.ActionEndpoint;
import org.caseops.api.requests.PathNormalizer;
import org.caseops.api.reviewsets.ReviewSetsResource;
import org.caseops.api.searches.SearchesResource;
import org.caseops.api.testing.ApiErrors;
import org.caseops.api.testing.CaseFixture;
import org.caseops.domain.operations.ActionRules;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.OperationTarget;
import org.junit.jupiter.api.Test;

/**
 * Every member of caseAction either has a descriptor whose job is deployed, or is refused as it was
 * before.
 */
class ActionDescriptorsTest {
  private final CaseFixture f = new CaseFixture();

  @Test
  void everyActionHasADescriptorWithRulesAndAJobOrIsRefusedBeforeAnythingIsStored() {
    for (CaseAction action : CaseAction.values()) {
      if (action == CaseAction.unknownFutureValue) {
        assertThat(ActionDescriptors.find(action)).isEmpty();
        continue;
      }
      if (ActionDescriptors.find(action).isPresent()) {
        ActionDescriptor descriptor = ActionDescriptors.find(action).get();
        assertThat(descriptor.rules()).isEqualTo(ActionRules.of(action).orElseThrow());
        assertThat(f.jobs.hasJob(action.jobName())).as(action + " has a job").isTrue();
      } else {
        assertThat(ActionRules.of(action)).as(action + " has rules but no descriptor").isEmpty();
        assertThatThrownBy(
                () ->
                    f.operationService.submit(
                        f.caseId, action, OperationTarget.none(), CaseFixture.ALICE))
            .satisfies(
                t ->
                    ApiErrors.assertStatus(
                        t,
                        400,
                        "The action '"
                            + action.wireName()
                            + "' has no job on this server yet (no META-INF/batch-jobs/"
                            + action.wireName()
                            + ".xml), so no operation was created."));
      }
    }
    assertThat(f.operations.stored).isEmpty();
  }

  @Test
  void everyActionEndpointIsServedByAResourceUnderItsNameAndItsQualifiedName() {
    List<String> served = new ArrayList<>();
    for (Class<?> resource :
        List.of(
            SearchesResource.class,
            ReviewSetsResource.class,
            CustodiansResource.class,
            org.caseops.api.custodians.NoncustodialSourcesResource.class,
            org.caseops.api.holds.LegalHoldsResource.class)) {
      collect(resource, "", served);
    }
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      for (ActionEndpoint endpoint : descriptor.endpoints()) {
        assertThat(served).as("served paths").contains(normalise(endpoint.path()));
        String base = "/v1.0/security/cases/ediscoveryCases/c1/";
        assertThat(PathNormalizer.normalize(base + endpoint.qualifiedPath()))
            .as("the namespace-qualified form of " + endpoint.path())
            .isEqualTo(base + endpoint.path());
      }
    }
  }

  private static void collect(Class<?> resource, String prefix, List<String> into) {
    Path root = resource.getAnnotation(Path.class);
    String base = prefix + (root == null ? "" : root.value());
    for (Method method : resource.getMethods()) {
      Path path = method.getAnnotation(Path.class);
      if (path == null) {
        continue;
      }
      String full = base + "/" + path.value();
      if (method.isAnnotationPresent(POST.class)) {
        into.add(normalise(full));
      } else if (!method.getReturnType().equals(jakarta.ws.rs.core.Response.class)
          && !method.getReturnType().equals(void.class)) {
        collect(method.getReturnType(), full, into);
      }
    }
  }

  /** A path with every template variable as {}, from the segment after the case id. */
  private static String normalise(String path) {
    String p = path.replaceAll("\\{[^}]*}", "{}").replace("//", "/");
    int at = p.indexOf("ediscoveryCases/{}/");
    return at >= 0 ? p.substring(at + "ediscoveryCases/{}/".length()) : p;
  }
}
