package io.liaison.examples.library;

import io.liaison.Include;
import io.liaison.Liaison;
import io.liaison.LinkedTarget;
import io.liaison.Loaded;
import io.liaison.NewLink;
import io.liaison.Order;
import io.liaison.Query;
import io.liaison.Where;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Domain code: it is given a {@link Liaison} and never knows which store is behind it. */
public final class Catalogue {
  private final Liaison db;

  @Inject
  public Catalogue(Liaison db) {
    this.db = db;
  }

  /** Builds a small catalogue and prints what the associations return. */
  public void tour(PrintStream out) {
    Author ada = db.insert(new Author("Ada"));
    Book graphs = db.insert(new Book("Graphs in Practice", 2021));
    Book sql = db.insert(new Book("SQL at Scale", 2019));
    Article intro = db.insert(new Article("Why graphs"));
    Article joins = db.insert(new Article("Joins without fear"));
    Article cypher = db.insert(new Article("Cypher for SQL users"));

    db.on(ada, Library.AUTHORED).addAll(List.of(graphs, sql));

    // book.addArticle(a, {through: {role: 'editor'}}), one at a time or many in one round trip.
    db.on(graphs, Library.ARTICLES).add(intro, new BookArticles("editor", 1));
    db.on(graphs, Library.ARTICLES)
        .addAll(
            List.of(
                NewLink.to(cypher, Map.of("role", "author", "position", 2)),
                NewLink.to(joins, Map.of("role", "reviewer", "position", 3))));
    db.on(sql, Library.ARTICLES).add(joins, new BookArticles("author", 1));

    out.println("Articles of '" + graphs.title + "':");
    for (LinkedTarget<Article> link :
        db.on(graphs, Library.ARTICLES)
            .linkedTargets(Query.all().orderBy(Order.through("position", true)))) {
      out.println(
          "  "
              + link.target().title
              + " [role="
              + link.through("role")
              + ", position="
              + link.through("position")
              + "]");
    }

    out.println("Books containing '" + joins.title + "':");
    for (LinkedTarget<Book> link :
        db.on(joins, Library.BOOKS).linkedTargets(Query.all().orderBy(Order.asc("title")))) {
      out.println("  " + link.target().title + " [role=" + link.through("role") + "]");
    }

    long editors =
        db.on(graphs, Library.ARTICLES).count(Query.all().through(Where.eq("role", "editor")));
    out.println("Editor links of '" + graphs.title + "': " + editors);
    out.println(
        "'"
            + graphs.title
            + "' has '"
            + cypher.title
            + "': "
            + db.on(graphs, Library.ARTICLES).has(cypher));

    // setArticles: only the difference is written; the link that stays keeps its attributes.
    db.on(graphs, Library.ARTICLES).set(List.of(intro, joins));
    out.println(
        "After set, articles of '"
            + graphs.title
            + "': "
            + db.on(graphs, Library.ARTICLES).get(Query.all().orderBy(Order.asc("title"))).stream()
                .map(a -> a.title)
                .toList());

    out.println(
        "Author of '"
            + sql.title
            + "': "
            + db.on(sql, Library.AUTHOR).get().map(a -> a.name).orElse("none"));
    out.println("Books by " + ada.name + ": " + db.on(ada, Library.AUTHORED).count());

    // Author.findAll({include: {model: Book, include: {model: Article, through: {attributes:
    // ['role']}}}}):
    // one query for the authors and one per include, however many authors there are.
    Loaded<Author> authors =
        db.findAll(
            Author.class,
            Query.all(),
            Include.of(Library.AUTHORED)
                .orderBy(Order.asc("title"))
                .include(
                    Include.of(Library.ARTICLES)
                        .orderBy(Order.asc("title"))
                        .throughAttributes("role")));
    for (Author author : authors) {
      out.println("Eager-loaded " + author.name + ":");
      for (Book book : authors.get(author, Library.AUTHORED)) {
        out.println(
            "  "
                + book.title
                + ": "
                + authors.linkedTargets(book, Library.ARTICLES).stream()
                    .map(l -> l.target().title + " (" + l.through("role") + ")")
                    .toList());
      }
    }
    out.println(
        "Books with an editor: "
            + db.count(Book.class, Where.has(Library.ARTICLES, null, Where.eq("role", "editor"))));
  }
}
