package org.caseops.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every index an entity declares ({@code @Table(indexes = ...)}) is in the schema the migrations
 * make, under that name and on those columns in that order: the schema is made by the migrations
 * alone, so an entity's declaration is what a reader takes for the schema, and a migration that
 * replaces an index must not leave the declaration of the old one behind.
 */
class DeclaredIndexesTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void everyDeclaredIndexIsInTheMigratedSchema(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db =
        kind == TestDatabase.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgresql()) {
      List<String> declared = new ArrayList<>();
      List<String> found = new ArrayList<>();
      try (Connection c = db.dataSource().getConnection()) {
        for (EntityType<?> entity : db.entityManagerFactory().getMetamodel().getEntities()) {
          Table table = entity.getJavaType().getAnnotation(Table.class);
          if (table == null) {
            continue;
          }
          Map<String, String> indexes = indexes(c, table.name());
          for (Index index : table.indexes()) {
            String columns = index.columnList().replace(" ", "").toLowerCase(Locale.ROOT);
            String name = index.name().toLowerCase(Locale.ROOT);
            declared.add(table.name() + "." + name + "(" + columns + ")");
            found.add(
                table.name() + "." + name + "(" + indexes.getOrDefault(name, "missing") + ")");
          }
        }
      }
      assertThat(declared).hasSizeGreaterThanOrEqualTo(10);
      assertThat(found).containsExactlyElementsOf(declared);
    }
  }

  /** The table's indexes in the database: name to its columns in order, comma-separated. */
  private static Map<String, String> indexes(Connection c, String table) throws Exception {
    DatabaseMetaData meta = c.getMetaData();
    String schema = c.getSchema();
    Map<String, TreeMap<Short, String>> byName = new TreeMap<>();
    for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
      try (ResultSet rs = meta.getIndexInfo(null, schema, name, false, false)) {
        while (rs.next()) {
          String index = rs.getString("INDEX_NAME");
          String column = rs.getString("COLUMN_NAME");
          if (index == null || column == null) {
            continue;
          }
          byName
              .computeIfAbsent(index.toLowerCase(Locale.ROOT), k -> new TreeMap<>())
              .put(rs.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
        }
      }
    }
    Map<String, String> result = new TreeMap<>();
    byName.forEach((name, columns) -> result.put(name, String.join(",", columns.values())));
    return result;
  }
}
