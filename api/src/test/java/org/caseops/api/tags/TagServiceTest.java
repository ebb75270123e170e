package org.caseops.api.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.testing.ApiErrors;
import org.caseops.api.testing.CaseFixture;
import org.caseops.api.testing.Json;
import org.caseops.domain.reviewsets.ChildSelectability;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.support.ListQuery;
import org.junit.jupiter.api.Test;

class TagServiceTest {
  private static final ServiceRoot ROOT =
      ServiceRoot.of(URI.create("http://localhost:8080/"), "v1.0");

  private final CaseFixture f = new CaseFixture();
  private final TagService service = f.tagService;

  private static void assertStatus(Throwable t, int status, String... inMessage) {
    ApiErrors.assertStatus(t, status, inMessage);
  }

  private ReviewTag create(String body) {
    return service.create(f.caseId, TagRequests.parseNew(Json.object(body)), CaseFixture.ALICE);
  }

  @Test
  void tagsTakeAParentByReferenceOrBindUrl() {
    ReviewTag parent =
        create("{'displayName':'Responsive','childSelectability':'One','description':'d'}");
    ReviewTag child = create("{'displayName':'Hot','parent':{'id':'" + parent.getId() + "'}}");
    ReviewTag bound =
        create(
            "{'displayName':'Cold','parent@odata.bind':'https://h/v1.0/security/cases/ediscoveryCases(%27"
                + f.caseId
                + "%27)/tags("
                + parent.getId()
                + ")'}");

    assertThat(parent.getChildSelectability()).isEqualTo(ChildSelectability.One);
    assertThat(child.getChildSelectability()).isEqualTo(ChildSelectability.Many);
    assertThat(child.getParentId()).isEqualTo(parent.getId());
    assertThat(bound.getParentId()).isEqualTo(parent.getId());
    // Both were created at the same instant: their order is by id, as in the database.
    assertThat(service.children(f.caseId, parent.getId()))
        .extracting(ReviewTag::getId)
        .containsExactlyInAnyOrder(child.getId(), bound.getId());
    assertThat(service.parent(f.caseId, child.getId()).getId()).isEqualTo(parent.getId());
    assertThatThrownBy(() -> service.parent(f.caseId, parent.getId()))
        .satisfies(e -> assertStatus(e, 404, "no parent"));
    assertThat(service.list(f.caseId, ListQuery.page(0, 10))).hasSize(3);

    JsonObject json = TagJson.entity(ROOT, parent);
    assertThat(json.getString("@odata.context"))
        .endsWith("ediscoveryCases('" + f.caseId + "')/tags/$entity");
    assertThat(json.getString("childSelectability")).isEqualTo("One");
    assertThat(json.getString("description")).isEqualTo("d");
    assertThat(json.getString("lastModifiedDateTime")).isEqualTo("2024-03-01T10:15:30.123456Z");
  }

  @Test
  void namesAreUniqueInTheCaseIgnoringCase() {
    ReviewTag hot = create("{'displayName':'Hot'}");
    assertThatThrownBy(() -> create("{'displayName':'HOT'}"))
        .satisfies(e -> assertStatus(e, 409, hot.getId()));
    ReviewTag cold = create("{'displayName':'Cold'}");
    assertThatThrownBy(
            () ->
                service.update(
                    f.caseId,
                    cold.getId(),
                    TagRequests.parseChanges(Json.object("{'displayName':'hot'}"))))
        .satisfies(e -> assertStatus(e, 409, "hot"));
    service.update(
        f.caseId,
        hot.getId(),
        TagRequests.parseChanges(Json.object("{'displayName':'HOT','childSelectability':'One'}")));
    assertThat(service.get(f.caseId, hot.getId()).getDisplayName()).isEqualTo("HOT");
    assertThat(service.get(f.caseId, hot.getId()).getChildSelectability())
        .isEqualTo(ChildSelectability.One);
  }

  @Test
  void badBodiesAreRefused() {
    assertThatThrownBy(() -> create("{'description':'x'}"))
        .satisfies(e -> assertStatus(e, 400, "displayName"));
    assertThatThrownBy(() -> create("{'displayName':'A','childSelectability':'one'}"))
        .satisfies(e -> assertStatus(e, 400, "One, Many"));
    assertThatThrownBy(
            () ->
                create(
                    "{'displayName':'A','parent':{'id':'00000000-0000-0000-0000-0000000000ee'}}"))
        .satisfies(e -> assertStatus(e, 400, "'parent'", "00000000-0000-0000-0000-0000000000ee"));
    assertThatThrownBy(() -> TagRequests.parseChanges(Json.object("{'parent':{'id':'x'}}")))
        .satisfies(e -> assertStatus(e, 400, "cannot be changed"));
    assertThat(f.tags.stored).isEmpty();
  }

  @Test
  void deleteTakesTheDescendantsAndTheirUseOnFiles() {
    ReviewTag top = f.tag("Top", null);
    ReviewTag mid = f.tag("Mid", top);
    ReviewTag leaf = f.tag("Leaf", mid);
    ReviewTag other = f.tag("Other", null);
    f.tags.retag("r", Map.of("file1", Set.of(leaf.getId(), other.getId())), Map.of());

    service.delete(f.caseId, top.getId());

    assertThat(f.tags.stored.keySet()).containsExactly(other.getId());
    assertThat(f.tags.fileTags.get("file1")).containsExactly(other.getId());
    assertThatThrownBy(() -> service.delete(f.caseId, top.getId()))
        .satisfies(e -> assertStatus(e, 404, top.getId()));
  }

  @Test
  void asHierarchyNestsChildTags() {
    ReviewTag top = f.tag("Top", null);
    ReviewTag mid = f.tag("Mid", top);
    f.tag("Leaf", mid);
    f.tag("Other", null);

    List<JsonObject> tree = TagJson.hierarchy(service.hierarchy(f.caseId), null);

    assertThat(tree).extracting(t -> t.getString("displayName")).containsExactly("Top", "Other");
    JsonObject midJson = tree.get(0).getJsonArray("childTags").getJsonObject(0);
    assertThat(midJson.getString("displayName")).isEqualTo("Mid");
    assertThat(midJson.getJsonArray("childTags").getJsonObject(0).getString("displayName"))
        .isEqualTo("Leaf");
    assertThat(midJson.getJsonArray("childTags").getJsonObject(0).getJsonArray("childTags"))
        .isEmpty();
    assertThat(tree.get(1).getJsonArray("childTags")).isEmpty();
  }
}
