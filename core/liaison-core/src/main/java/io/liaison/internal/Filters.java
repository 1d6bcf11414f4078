package io.liaison.internal;

import io.liaison.Association.Kind;
import io.liaison.InvalidCallException;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Where;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.AttributeInfo;
import io.liaison.spi.JunctionInfo;
import io.liaison.spi.ModelInfo;
import io.liaison.spi.ValueTypes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Queries and filters as the caller wrote them, checked against the models' (and junctions')
 * attributes and associations, their values converted to the attributes' types, {@link Where.Has}
 * narrowed to the association's scope.
 */
final class Filters {
  private final ResolvedSchema resolved;

  Filters(ResolvedSchema resolved) {
    this.resolved = resolved;
  }

  /** Checks a query's attributes against the target (and junction) and converts its values. */
  Query normalize(Query q, ModelInfo target, JunctionInfo junction, Call call) {
    Where where = q.where() == null ? null : normalize(q.where(), target, call);
    Where through = null;
    if (q.throughWhere() != null) {
      if (junction == null) {
        throw new InvalidCallException(
            call + ": a through filter needs a belongsToMany association");
      }
      through =
          normalize(q.throughWhere(), null, junction.attributes(), junction.name(), call.through());
    }
    for (Order o : q.order()) {
      List<AttributeInfo> attrs =
          o.onThrough() ? (junction == null ? null : junction.attributes()) : target.attributes();
      if (attrs == null) {
        throw new InvalidCallException(
            call + ": ordering by a through attribute needs a belongsToMany association");
      }
      if (find(attrs, o.attribute()) == null) {
        throw new InvalidCallException(
            call
                + ": cannot order by '"
                + o.attribute()
                + "': not an attribute of "
                + (o.onThrough() ? junction.name() : target.name()));
      }
    }
    return new Query(where, through, q.order(), q.limit(), q.offset());
  }

  /**
   * Checks a filter on a model's attributes (and its associations, for {@link Where.Has}) and
   * converts its values.
   */
  Where normalize(Where w, ModelInfo model, Call call) {
    return normalize(w, model, model.attributes(), model.name(), call);
  }

  /**
   * {@code model} is null when the filter is on a junction's attributes, where {@link Where.Has}
   * has no meaning.
   */
  private Where normalize(
      Where w, ModelInfo model, List<AttributeInfo> attrs, String owner, Call call) {
    if (w instanceof Where.Has h) {
      return normalizeHas(h, model, owner, call);
    }
    if (w instanceof Where.Compare c) {
      AttributeInfo attr = find(attrs, c.attribute());
      if (attr == null) {
        throw new InvalidCallException(
            call + ": '" + c.attribute() + "' is not an attribute of " + owner);
      }
      String label = call + ": " + owner + "." + c.attribute();
      Object v = c.value();
      Class<?> enumType =
          model == null || attr.type() != String.class
              ? null
              : EnumValues.enumType(resolved, model, c.attribute());
      switch (c.op()) {
        case IN, NOT_IN -> {
          List<Object> values = new ArrayList<>();
          for (Object x : (Collection<?>) v) {
            values.add(
                ValueTypes.coerce(EnumValues.checked(x, enumType, label), attr.type(), label));
          }
          v = values;
        }
        case BETWEEN, NOT_BETWEEN -> {
          if (!(v instanceof List<?> bounds)
              || bounds.size() != 2
              || bounds.get(0) == null
              || bounds.get(1) == null) {
            throw new InvalidCallException(
                label + ": " + c.op() + " needs a list of two non-null bounds, got " + v);
          }
          List<Object> values = new ArrayList<>(2);
          for (Object x : bounds) {
            values.add(
                ValueTypes.coerce(EnumValues.checked(x, enumType, label), attr.type(), label));
          }
          v = List.copyOf(values);
        }
        case LIKE, ILIKE, STARTS_WITH, ENDS_WITH, SUBSTRING -> {
          if (!(v instanceof String pattern)) {
            throw new InvalidCallException(label + ": " + c.op() + " needs a String, got " + v);
          }
          ValueTypes.checkText(pattern, label);
        }
        case IS_NULL, NOT_NULL -> v = null;
        default ->
            v = ValueTypes.coerce(EnumValues.checked(v, enumType, label), attr.type(), label);
      }
      return new Where.Compare(c.attribute(), c.op(), v);
    }
    if (w instanceof Where.And and) {
      return new Where.And(
          and.parts().stream().map(p -> normalize(p, model, attrs, owner, call)).toList());
    }
    if (w instanceof Where.Or or) {
      return new Where.Or(
          or.parts().stream().map(p -> normalize(p, model, attrs, owner, call)).toList());
    }
    Where.Not not = (Where.Not) w;
    return new Where.Not(normalize(not.part(), model, attrs, owner, call));
  }

  private Where normalizeHas(Where.Has h, ModelInfo model, String owner, Call call) {
    if (model == null) {
      throw new InvalidCallException(
          call
              + ": Where.has("
              + h.association()
              + ") filters entities, not the through "
              + "attributes of "
              + owner);
    }
    AssociationInfo info = resolved.associations().get(h.association());
    if (info == null) {
      throw new InvalidCallException(
          call
              + ": Where.has("
              + h.association()
              + "): the association is not declared in "
              + "this schema");
    }
    if (!info.source().name().equals(model.name())) {
      throw new InvalidCallException(
          call
              + ": Where.has("
              + h.association()
              + ") filters "
              + info.source().name()
              + " entities, but it is applied to "
              + model.name());
    }
    Call has = call.within("Where.has(" + info.name() + ")");
    Where inner = h.where() == null ? null : normalize(h.where(), info.target(), has);
    Where through = null;
    if (h.through() != null) {
      if (info.through() == null) {
        throw new InvalidCallException(
            has
                + ": a through filter needs a belongsToMany association; "
                + info.name()
                + " is "
                + info.kind());
      }
      through =
          normalize(
              h.through(), null, info.through().attributes(), info.through().name(), has.through());
    }
    Query scoped = Scopes.scoped(info, new Query(inner, through, List.of(), null, null));
    Where filter = new Where.Has(h.association(), scoped.where(), scoped.throughWhere(), info);
    if (info.kind() == Kind.BELONGS_TO && !info.scope().isEmpty()) {
      return Scopes.withEquals(filter, info.scope());
    }
    return filter;
  }

  private static AttributeInfo find(List<AttributeInfo> attrs, String name) {
    for (AttributeInfo a : attrs) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }
}
