package io.liaison.contract;

import static io.liaison.contract.Samples.article;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Association;
import io.liaison.BatchAccessor;
import io.liaison.BelongsTo;
import io.liaison.BelongsToMany;
import io.liaison.DefinitionException;
import io.liaison.HasMany;
import io.liaison.HasOne;
import io.liaison.Include;
import io.liaison.InvalidCallException;
import io.liaison.Liaison;
import io.liaison.LinkBetween;
import io.liaison.LinkedTarget;
import io.liaison.Loaded;
import io.liaison.ManyAccessor;
import io.liaison.NamingStrategy;
import io.liaison.NewLink;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.ReferentialAction;
import io.liaison.Schema;
import io.liaison.Session;
import io.liaison.SingleAccessor;
import io.liaison.Where;
import io.liaison.contract.fixtures.Article;
import io.liaison.contract.fixtures.Author;
import io.liaison.contract.fixtures.Book;
import io.liaison.contract.fixtures.BookArticles;
import io.liaison.contract.fixtures.Person;
import io.liaison.contract.fixtures.Profile;
import io.liaison.spi.AssociationInfo;
import io.liaison.spi.StoreAdapter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cheat sheet rule 13, for null: every public method and constructor of every public type of {@code
 * io.liaison}, found on the class path rather than listed, is called with null in each of its
 * reference parameters in turn (the others given valid values), on a real store. Each call must
 * throw {@link InvalidCallException} ({@link DefinitionException} on association and schema
 * declarations) whose message names the parameter, never a bare {@code NullPointerException}, and
 * must leave the store unchanged. Where null is a documented value, the parameter is listed in
 * {@link #NULL_IS_A_VALUE} with what it means. A method with no sample receiver or argument here
 * fails the test, so that no type or method of the API is left out.
 */
public abstract class NullArgumentContract extends ContractGroup {

  static final HasMany<Author, Book> BOOKS = Association.hasMany(Author.class, Book.class);
  static final BelongsTo<Book, Author> AUTHOR = BOOKS.inverse();
  static final BelongsToMany<Book, Article> ARTICLES =
      Association.belongsToMany(Book.class, Article.class).through(BookArticles.class);
  static final HasOne<Person, Profile> PROFILE = Association.hasOne(Person.class, Profile.class);
  static final BelongsTo<Profile, Person> OWNER = PROFILE.inverse();

  private static final List<Class<?>> MODELS =
      List.of(Author.class, Book.class, Article.class, Person.class, Profile.class);
  private static final List<Association<?, ?>> ASSOCIATIONS =
      List.of(BOOKS, AUTHOR, ARTICLES, PROFILE, OWNER);

  /**
   * Parameters ({@code Type.method(ParamTypes) parameter}) where null is a documented value, and
   * its meaning.
   */
  static final Map<String, String> NULL_IS_A_VALUE =
      Map.ofEntries(
          entry("Where.eq(String, Object) value", "IS NULL, as Sequelize's where: {attr: null}"),
          entry("Where.ne(String, Object) value", "IS NOT NULL"),
          entry(
              "Where.Compare.new(String, Op, Object) value",
              "the operand of IS_NULL / NOT_NULL, which have none"),
          entry("Where.has(Association, Where) where", "any target"),
          entry("Where.has(Association, Where, Where) where", "any target"),
          entry("Where.has(Association, Where, Where) through", "any link"),
          entry("Where.Has.new(Association, Where, Where, AssociationInfo) where", "any target"),
          entry("Where.Has.new(Association, Where, Where, AssociationInfo) through", "any link"),
          entry(
              "Where.Has.new(Association, Where, Where, AssociationInfo) info",
              "not resolved yet: set by the engine"),
          entry(
              "Query.new(Where, Where, List, Integer, Integer) where", "no filter on the targets"),
          entry(
              "Query.new(Where, Where, List, Integer, Integer) throughWhere",
              "no filter on the links"),
          entry("Query.new(Where, Where, List, Integer, Integer) limit", "no limit"),
          entry("Query.new(Where, Where, List, Integer, Integer) offset", "no offset"),
          entry("NewLink.new(Object, Object) through", "a link without through attributes"),
          entry("NewLink.to(Object, Object) through", "a link without through attributes"),
          entry("NewLink.to(Object, Map) through", "a link without through attributes"),
          entry(
              "LinkBetween.new(Object, Object, Object) through",
              "a link without through attributes"),
          entry(
              "LinkBetween.of(Object, Object, Object) through",
              "a link without through attributes"),
          entry("LinkBetween.of(Object, Object, Map) through", "a link without through attributes"),
          entry(
              "LinkedTarget.new(Object, Map, Object) through",
              "no through attributes (hasMany, hasOne, belongsTo)"),
          entry("LinkedTarget.new(Object, Map, Object) linkId", "a unique link, which has no id"),
          entry("HasOne.onDelete(ReferentialAction) action", "the default action"),
          entry("HasOne.onUpdate(ReferentialAction) action", "the default action"),
          entry("HasMany.onDelete(ReferentialAction) action", "the default action"),
          entry("HasMany.onUpdate(ReferentialAction) action", "the default action"),
          entry("BelongsTo.onDelete(ReferentialAction) action", "the default action"),
          entry("BelongsTo.onUpdate(ReferentialAction) action", "the default action"),
          entry("BelongsToMany.onDelete(ReferentialAction) action", "the default action"),
          entry("BelongsToMany.onUpdate(ReferentialAction) action", "the default action"),
          entry("Session.count(Class, Where) where", "count them all"),
          entry("ManyAccessor.add(Object, Object) through", "no through attributes"),
          entry("ManyAccessor.addAll(Collection, Object) through", "no through attributes"),
          entry("ManyAccessor.create(Object, Object) through", "no through attributes"),
          entry("ManyAccessor.set(Collection) targets", "unlink every target (setArticles(null))"),
          entry("ManyAccessor.set(Collection, Object) targets", "unlink every target"),
          entry("ManyAccessor.set(Collection, Object) through", "no through attributes"),
          entry("ManyAccessor.setAll(List) links", "unlink every target, as set(null)"),
          entry("SingleAccessor.set(Object) target", "unlink (setProfile(null))"));

  /** Whole groups of parameters where null is a value, by rule rather than one by one. */
  static final Map<String, String> NULL_IS_A_VALUE_BY_RULE =
      Map.of(
          "equals(Object)",
          "null is a legal argument of equals: it answers false",
          "Enum.valueOf(String)",
          "generated by the compiler for every enum; Java's own contract applies",
          "exception constructors",
          "exceptions are built by Liaison and its adapters to report a problem; a "
              + "constructor that threw would hide the problem being reported",
          "Association.Options.new and Association.Options.Builder setters, but source, target and"
              + " kind",
          "the plain value of a declaration's options, where null means the default (the"
              + " declarations' fluent methods refuse null before they get there)");

  /** Types whose calls are declarations: whoever wrote the declaration must act. */
  private static final Set<Class<?>> DECLARATIONS =
      Set.of(
          Association.class,
          HasOne.class,
          HasMany.class,
          BelongsTo.class,
          BelongsToMany.class,
          Association.Options.class,
          Association.Options.Builder.class,
          Schema.Builder.class);

  private Liaison db;
  private Author ann;
  private Book graphs;
  private Article spareArticle;
  private Book spareBook;
  private Person pat;
  private Profile spareProfile;

  @BeforeEach
  void fillStore() {
    db =
        liaison(
            Schema.builder()
                .models(MODELS.toArray(Class<?>[]::new))
                .associations(BOOKS, ARTICLES, PROFILE)
                .build());
    ann = db.insert(Samples.author("Ann", "A1"));
    graphs = db.insert(Samples.book("Graphs", 2001));
    spareBook = db.insert(Samples.book("Spare", 2002));
    Article editor = db.insert(article("Edited"));
    spareArticle = db.insert(article("Spare"));
    pat = db.insert(Samples.person("Pat"));
    spareProfile = db.insert(Samples.profile("Spare"));
    db.on(ann, BOOKS).add(graphs);
    db.on(graphs, ARTICLES).add(editor, Map.of("role", "editor"));
    db.on(pat, PROFILE).create(Samples.profile("Pat's"));
  }

  @Test
  void theWholeApiPackageIsFoundOnTheClassPath() {
    List<Class<?>> types = ApiSurface.publicTypes();

    assertThat(types)
        .contains(
            Liaison.class,
            Session.class,
            ManyAccessor.class,
            Where.class,
            Where.Compare.class,
            Schema.Builder.class,
            Liaison.Builder.class,
            Association.Kind.class);
    assertThat(types).allSatisfy(t -> assertThat(t.getPackageName()).isEqualTo(ApiSurface.PACKAGE));
    assertThat(types).noneMatch(t -> t.getSimpleName().startsWith("Internal"));
  }

  @Test
  void everyPublicMethodAndConstructorRefusesNullNamingTheArgument() {
    Map<String, Object> before = StoreState.read(db, MODELS, ASSOCIATIONS);
    Checker checker = new Checker(receivers(db));

    for (Class<?> type : ApiSurface.publicTypes()) {
      ApiSurface.publicConstructors(type).forEach(checker::check);
      ApiSurface.publicMethods(type).forEach(checker::check);
    }
    // A session inside a transaction is another implementation of Session, and link handles from it
    // too.
    db.inTransaction(
        tx -> {
          Checker inTransaction = new Checker(receivers(tx));
          for (Class<?> type :
              List.of(
                  Session.class,
                  ManyAccessor.class,
                  SingleAccessor.class,
                  BatchAccessor.class,
                  Loaded.class)) {
            ApiSurface.publicMethods(type).forEach(inTransaction::check);
          }
          checker.problems.addAll(
              inTransaction.problems.stream().map(p -> "in a transaction: " + p).toList());
        });

    assertThat(checker.problems)
        .as("calls with a null argument that were not refused as promised")
        .isEmpty();
    Set<String> stale = new TreeSet<>(NULL_IS_A_VALUE.keySet());
    stale.removeAll(checker.allowed);
    assertThat(stale).as("NULL_IS_A_VALUE entries that name no parameter of the API").isEmpty();
    assertThat(checker.calls).as("calls made").isGreaterThan(200);
    assertThat(StoreState.read(db, MODELS, ASSOCIATIONS))
        .as("the store after every refused call")
        .isEqualTo(before);
  }

  @Test
  void nullElementsOfCollectionsAreRefusedNamingTheArgument() {
    Map<String, Object> before = StoreState.read(db, MODELS, ASSOCIATIONS);

    assertRefused(
        () -> Where.in("title", Arrays.asList("Graphs", null)),
        InvalidCallException.class,
        "values[1]",
        "title");
    assertRefused(
        () -> Where.notIn("title", Arrays.asList(null, "Graphs")),
        InvalidCallException.class,
        "values[0]",
        "title");
    assertRefused(
        () -> Where.allOf(Where.eq("title", "x"), null), InvalidCallException.class, "parts[1]");
    assertRefused(
        () -> Query.all().orderBy(Order.asc("title"), null),
        InvalidCallException.class,
        "orders[1]");
    assertRefused(
        () -> Include.of(ARTICLES).throughAttributes("role", null),
        InvalidCallException.class,
        "names[1]",
        "Article");
    assertRefused(
        () -> Schema.builder().models(Book.class, null), DefinitionException.class, "types");
    assertRefused(
        () -> BOOKS.scope(nullKeyed()),
        DefinitionException.class,
        "Author",
        "Book",
        "attribute name");
    assertRefused(
        () -> db.insertAll(Arrays.asList(Samples.book("New", 2020), null)),
        InvalidCallException.class,
        "entity");
    assertRefused(
        () -> db.on(graphs, ARTICLES).addAll(Arrays.asList(spareArticle, null)),
        InvalidCallException.class,
        "target",
        "Book.articles");
    assertRefused(
        () -> db.on(ann, BOOKS).set(Arrays.asList(spareBook, null)),
        InvalidCallException.class,
        "target",
        "Author.books");
    assertRefused(
        () -> db.batch(ARTICLES).addAll(Arrays.asList(LinkBetween.of(graphs, spareArticle), null)),
        InvalidCallException.class,
        "pair");
    assertRefused(
        () -> db.batch(BOOKS).count(Arrays.asList(ann, null)),
        InvalidCallException.class,
        "source");

    assertThat(StoreState.read(db, MODELS, ASSOCIATIONS))
        .as("the store after every refused call")
        .isEqualTo(before);
  }

  // ---- samples

  /** Receivers of instance methods, by the type declaring the method; static ones need none. */
  private Map<Class<?>, List<Subject>> receivers(Session session) {
    Map<Class<?>, List<Subject>> r = new HashMap<>();
    Map<String, Supplier<Object>> entity =
        Map.of(
            "source",
            () -> ann,
            "model",
            () -> Book.class,
            "id",
            () -> graphs.id,
            "query",
            Query::all,
            "where",
            () -> Where.eq("title", "Graphs"),
            "includes",
            () -> List.of(Include.of(ARTICLES)),
            "include",
            () -> Include.of(ARTICLES));
    r.put(Session.class, List.of(new Subject("session", () -> session, entity)));
    if (session instanceof Liaison liaison) {
      r.put(Liaison.class, List.of(new Subject("liaison", () -> liaison, Map.of())));
    }
    r.put(
        ManyAccessor.class,
        List.of(
            new Subject(
                "on(book, ARTICLES)",
                () -> session.on(graphs, ARTICLES),
                Map.of(
                    "target",
                    () -> spareArticle,
                    "targets",
                    () -> List.of(spareArticle),
                    "links",
                    () -> List.of(NewLink.to(spareArticle)),
                    "through",
                    () -> Map.of("role", "r"),
                    "query",
                    Query::all)),
            new Subject(
                "on(author, BOOKS)",
                () -> session.on(ann, BOOKS),
                Map.of(
                    "target",
                    () -> spareBook,
                    "targets",
                    () -> List.of(spareBook),
                    "links",
                    () -> List.of(NewLink.to(spareBook)),
                    "through",
                    () -> null,
                    "query",
                    Query::all))));
    r.put(
        SingleAccessor.class,
        List.of(
            new Subject(
                "on(person, PROFILE)",
                () -> session.on(pat, PROFILE),
                Map.of("target", () -> spareProfile)),
            new Subject(
                "on(book, AUTHOR)",
                () -> session.on(graphs, AUTHOR),
                Map.of("target", () -> ann))));
    Map<String, Supplier<Object>> many =
        Map.of("sources", () -> List.of(graphs), "query", Query::all);
    r.put(
        BatchAccessor.class,
        List.of(
            new Subject("batch(ARTICLES)", () -> session.batch(ARTICLES), many),
            new Subject(
                "batch(BOOKS)",
                () -> session.batch(BOOKS),
                Map.of("sources", () -> List.of(ann), "query", Query::all))));
    Loaded<Book> loaded = session.findAll(Book.class, Query.all(), List.of(Include.of(AUTHOR)));
    r.put(
        Loaded.class,
        List.of(
            new Subject(
                "findAll(Book, include AUTHOR)",
                () -> loaded,
                Map.of("parent", () -> loaded.list().get(0), "association", () -> AUTHOR))));

    Map<String, Supplier<Object>> none = Map.of();
    Supplier<Object> where = () -> Where.eq("title", "Graphs");
    r.put(
        Where.class,
        List.of(
            new Subject("Where.eq", where, none),
            new Subject("Where.has", () -> Where.has(ARTICLES), none)));
    r.put(
        Query.class,
        List.of(
            new Subject("Query.all()", Query::all, none),
            new Subject(
                "Query.matching",
                () -> Query.matching(Where.eq("title", "Graphs")).through(Where.eq("role", "r")),
                none)));
    r.put(
        Include.class,
        List.of(new Subject("Include.of(ARTICLES)", () -> Include.of(ARTICLES), none)));
    r.put(
        LinkedTarget.class,
        List.of(
            new Subject(
                "LinkedTarget",
                () -> new LinkedTarget<>(graphs, Map.of("role", "r"), null),
                none)));
    r.put(Schema.Builder.class, List.of(new Subject("Schema.builder()", Schema::builder, none)));
    r.put(Liaison.Builder.class, List.of(new Subject("Liaison.builder()", Liaison::builder, none)));
    r.put(
        NamingStrategy.class,
        List.of(
            new Subject("SEQUELIZE", () -> NamingStrategy.SEQUELIZE, none),
            new Subject("SOURCE_PREFIXED", () -> NamingStrategy.SOURCE_PREFIXED, none)));
    r.put(Association.class, List.of(new Subject("BOOKS", () -> BOOKS, none)));
    r.put(HasOne.class, List.of(new Subject("PROFILE", () -> PROFILE, none)));
    r.put(HasMany.class, List.of(new Subject("BOOKS", () -> BOOKS, none)));
    r.put(BelongsTo.class, List.of(new Subject("AUTHOR", () -> AUTHOR, none)));
    r.put(BelongsToMany.class, List.of(new Subject("ARTICLES", () -> ARTICLES, none)));
    r.put(
        Association.Options.class,
        List.of(
            new Subject("BOOKS.options()", BOOKS::options, none),
            new Subject("ARTICLES.options()", ARTICLES::options, none)));
    r.put(
        Association.Options.Builder.class,
        List.of(
            new Subject(
                "ARTICLES.options().toBuilder()", () -> ARTICLES.options().toBuilder(), none)));
    return r;
  }

  /** Arguments of static methods and constructors, by parameter name. */
  private Map<String, Supplier<Object>> staticSamples() {
    Map<String, Supplier<Object>> s = new HashMap<>();
    s.put("value", () -> "Graphs");
    s.put("values", () -> List.of("Graphs"));
    s.put("parts", () -> List.of(Where.eq("title", "Graphs")));
    s.put("order", List::of);
    s.put("target", () -> graphs.id);
    s.put("source", () -> ann.id);
    s.put("through", () -> null);
    s.put("linkId", () -> null);
    s.put("info", () -> null);
    s.put("where", () -> null);
    s.put("throughWhere", () -> null);
    s.put("limit", () -> 10);
    s.put("offset", () -> 0);
    s.put("lo", () -> "A");
    s.put("hi", () -> "Z");
    return s;
  }

  /** Arguments by type, for any parameter its subject has no named sample for. */
  private Map<Class<?>, Supplier<Object>> typeSamples() {
    Map<Class<?>, Supplier<Object>> s = new HashMap<>();
    s.put(String.class, () -> "title");
    s.put(Class.class, () -> Book.class);
    s.put(Where.class, () -> Where.eq("title", "Graphs"));
    s.put(Where[].class, () -> new Where[] {Where.eq("title", "Graphs")});
    s.put(Where.Op.class, () -> Where.Op.EQ);
    s.put(Query.class, Query::all);
    s.put(Order.class, () -> Order.asc("title"));
    s.put(Order[].class, () -> new Order[] {Order.asc("title")});
    s.put(Association.class, () -> ARTICLES);
    s.put(Association[].class, () -> new Association<?, ?>[] {ARTICLES});
    s.put(HasMany.class, () -> BOOKS);
    s.put(BelongsToMany.class, () -> ARTICLES);
    s.put(HasOne.class, () -> PROFILE);
    s.put(BelongsTo.class, () -> AUTHOR);
    s.put(Include.class, () -> Include.of(ARTICLES));
    s.put(Map.class, () -> Map.of("role", "r"));
    s.put(String[].class, () -> new String[] {"role"});
    s.put(Class[].class, () -> new Class<?>[] {Book.class});
    s.put(ReferentialAction.class, () -> ReferentialAction.CASCADE);
    s.put(Boolean.class, () -> true);
    s.put(Association.Kind.class, () -> Association.Kind.HAS_MANY);
    s.put(NamingStrategy.class, () -> NamingStrategy.SEQUELIZE);
    s.put(Schema.class, () -> db.schema());
    s.put(StoreAdapter.class, this::adapter);
    s.put(AssociationInfo.class, () -> null);
    s.put(Function.class, () -> (Function<Session, Object>) tx -> null);
    s.put(Consumer.class, () -> (Consumer<Session>) tx -> {});
    return s;
  }

  private static Map<String, Object> nullKeyed() {
    Map<String, Object> m = new HashMap<>();
    m.put(null, "x");
    return m;
  }

  private static void assertRefused(
      Runnable call, Class<? extends RuntimeException> type, String... named) {
    Throwable thrown = null;
    try {
      call.run();
    } catch (RuntimeException e) {
      thrown = e;
    }
    assertThat(thrown).as("refusal").isInstanceOf(type);
    assertThat(thrown.getMessage()).contains(named);
  }

  // ---- the checker

  /** A receiver (null for static members) with sample arguments by parameter name. */
  private record Subject(
      String label, Supplier<Object> receiver, Map<String, Supplier<Object>> samples) {}

  /** Calls each member with null in each reference parameter and records what went wrong. */
  private final class Checker {
    final Map<Class<?>, List<Subject>> receivers;
    final Subject statics = new Subject("static", () -> null, staticSamples());
    final Map<Class<?>, Supplier<Object>> byType = typeSamples();
    final List<String> problems = new ArrayList<>();
    final Set<String> allowed = new LinkedHashSet<>();
    int calls;

    Checker(Map<Class<?>, List<Subject>> receivers) {
      this.receivers = receivers;
    }

    void check(Executable member) {
      Parameter[] params = member.getParameters();
      if (Arrays.stream(params).allMatch(p -> p.getType().isPrimitive())) {
        return;
      }
      if (Arrays.stream(params).anyMatch(p -> !p.isNamePresent())) {
        problems.add(
            ApiSurface.signature(member)
                + ": compiled without parameter names (javac -parameters)");
        return;
      }
      List<Integer> nulled = new ArrayList<>();
      for (int i = 0; i < params.length; i++) {
        if (!params[i].getType().isPrimitive() && !nullIsAValue(member, params[i])) {
          nulled.add(i);
        }
      }
      if (nulled.isEmpty()) {
        return;
      }
      boolean isStatic =
          member instanceof Constructor<?> || Modifier.isStatic(member.getModifiers());
      List<Subject> subjects =
          isStatic ? List.of(statics) : receivers.get(member.getDeclaringClass());
      if (subjects == null) {
        problems.add(
            ApiSurface.signature(member)
                + ": no sample receiver of "
                + ApiSurface.typeName(member.getDeclaringClass())
                + " in NullArgumentContract");
        return;
      }
      for (Subject subject : subjects) {
        for (int i : nulled) {
          call(member, subject, params, i);
        }
      }
    }

    private boolean nullIsAValue(Executable member, Parameter p) {
      String key = ApiSurface.key(member, p);
      if (NULL_IS_A_VALUE.containsKey(key)) {
        allowed.add(key);
        return true;
      }
      Class<?> type = member.getDeclaringClass();
      return member.getName().equals("equals") && p.getType() == Object.class
          || type.isEnum() && member.getName().equals("valueOf")
          || member instanceof Constructor<?> && Throwable.class.isAssignableFrom(type)
          || (type == Association.Options.class && member instanceof Constructor<?>
                  || type == Association.Options.Builder.class)
              && !Set.of("source", "target", "kind").contains(p.getName());
    }

    private void call(Executable member, Subject subject, Parameter[] params, int nulled) {
      String what =
          ApiSurface.signature(member)
              + " on "
              + subject.label()
              + " with "
              + params[nulled].getName()
              + " null";
      Object[] args = new Object[params.length];
      for (int j = 0; j < params.length; j++) {
        if (j == nulled) {
          continue;
        }
        Supplier<Object> sample = sample(subject, params[j]);
        if (sample == null) {
          problems.add(
              ApiSurface.key(member, params[j]) + ": no sample value in NullArgumentContract");
          return;
        }
        args[j] = sample.get();
      }
      calls++;
      Throwable thrown;
      try {
        if (member instanceof Constructor<?> c) {
          c.newInstance(args);
        } else {
          ((Method) member).invoke(subject.receiver().get(), args);
        }
        problems.add(what + ": returned normally");
        return;
      } catch (InvocationTargetException e) {
        thrown = e.getCause();
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        problems.add(what + ": could not be called: " + e);
        return;
      }
      Class<?> expected =
          DECLARATIONS.contains(member.getDeclaringClass())
                  || member.getDeclaringClass() == Association.class
              ? DefinitionException.class
              : InvalidCallException.class;
      String name = params[nulled].getName();
      if (!expected.isInstance(thrown)) {
        problems.add(what + ": threw " + thrown + ", expected " + expected.getSimpleName());
      } else if (thrown.getMessage() == null
          || !Pattern.compile("\\b" + Pattern.quote(name) + "\\b")
              .matcher(thrown.getMessage())
              .find()) {
        problems.add(what + ": the message does not name '" + name + "': " + thrown.getMessage());
      }
    }

    private Supplier<Object> sample(Subject subject, Parameter p) {
      if (p.getType() == boolean.class) {
        return () -> true;
      }
      if (p.getType() == int.class) {
        return () -> 1;
      }
      Supplier<Object> named = subject.samples().get(p.getName());
      if (named != null && fits(named.get(), p.getType())) {
        return named;
      }
      // None for Object, Collection or List: what they must hold depends on the call, so only a
      // named sample knows.
      return byType.get(p.getType());
    }

    private boolean fits(Object value, Class<?> type) {
      return value == null || type.isInstance(value);
    }
  }
}
