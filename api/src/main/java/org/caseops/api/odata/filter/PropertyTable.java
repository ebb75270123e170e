package org.caseops.api.odata.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.support.EvolvableEnum;

/**
 * The properties of one resource type that {@code $filter} and {@code $orderby} may use, with their
 * types. Enumerations know their members' numeric values ({@link EvolvableEnum#value()}, else
 * declaration order) and where {@code unknownFutureValue} sits.
 */
public final class PropertyTable {
  /** The property types the query languages compare. */
  public enum Type {
    STRING,
    INTEGER,
    /** {@code Edm.Int64}, such as a size in bytes. */
    INT64,
    DATE_TIME,
    ENUMERATION
  }

  /** One member of an enumeration property. */
  public record Member(String name, int value, Enum<?> constant) {}

  /** One property; {@code members} is empty unless it is an enumeration. */
  public record Property(String name, Type type, List<Member> members, int sentinelValue) {
    /** The member with this exact name. */
    public Optional<Member> member(String name) {
      return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }
  }

  private final String typeName;
  private final Map<String, Property> properties;

  private PropertyTable(String typeName, Map<String, Property> properties) {
    this.typeName = typeName;
    this.properties = properties;
  }

  public static Builder of(String typeName) {
    return new Builder(typeName);
  }

  /** The resource type's name, for messages. */
  public String typeName() {
    return typeName;
  }

  public Optional<Property> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  public List<String> names() {
    return List.copyOf(properties.keySet());
  }

  /** Collects the properties of a table. */
  public static final class Builder {
    private final String typeName;
    private final Map<String, Property> properties = new LinkedHashMap<>();

    private Builder(String typeName) {
      this.typeName = typeName;
    }

    public Builder string(String name) {
      return add(new Property(name, Type.STRING, List.of(), Integer.MAX_VALUE));
    }

    public Builder integer(String name) {
      return add(new Property(name, Type.INTEGER, List.of(), Integer.MAX_VALUE));
    }

    public Builder int64(String name) {
      return add(new Property(name, Type.INT64, List.of(), Integer.MAX_VALUE));
    }

    public Builder dateTime(String name) {
      return add(new Property(name, Type.DATE_TIME, List.of(), Integer.MAX_VALUE));
    }

    public <E extends Enum<E>> Builder enumeration(String name, Class<E> type) {
      List<Member> members = new ArrayList<>();
      int sentinel = Integer.MAX_VALUE;
      for (E constant : type.getEnumConstants()) {
        int value =
            constant instanceof EvolvableEnum evolvable ? evolvable.value() : constant.ordinal();
        String wireName =
            constant instanceof EvolvableEnum evolvable ? evolvable.wireName() : constant.name();
        members.add(new Member(wireName, value, constant));
        if (wireName.equals("unknownFutureValue")) {
          sentinel = value;
        }
      }
      return add(new Property(name, Type.ENUMERATION, List.copyOf(members), sentinel));
    }

    private Builder add(Property property) {
      properties.put(property.name(), property);
      return this;
    }

    public PropertyTable build() {
      return new PropertyTable(typeName, Map.copyOf(properties));
    }
  }
}
