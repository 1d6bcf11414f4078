package io.liaison.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.ConflictException;
import io.liaison.LiaisonException;
import io.liaison.StoreException;
import io.liaison.TransientStoreException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlErrorsTest {

  @ParameterizedTest
  @CsvSource({
    "23505, ConflictException",
    "23503, ConflictException",
    "23502, ConflictException",
    "40001, TransientStoreException",
    "40P01, TransientStoreException",
    "08006, TransientStoreException",
    "08001, TransientStoreException",
    "55P03, TransientStoreException",
    "HYT00, TransientStoreException",
    "42P01, StoreException",
    "22003, StoreException",
  })
  void sqlStateDecidesTheException(String state, String expected) {
    SQLException cause = new SQLException("boom", state);
    LiaisonException e = SqlErrors.translate("link Book.articles", cause);

    assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
    assertThat(e)
        .isInstanceOf(io.liaison.LiaisonException.class)
        .hasCause(cause)
        .hasMessageStartingWith("link Book.articles failed: boom");
  }

  @ParameterizedTest
  @CsvSource({
    "HY000, 1205, TransientStoreException",
    "70100, 1317, TransientStoreException",
    "70100, 1927, TransientStoreException",
    "HY000, 1206, StoreException",
    "57P01, 0, TransientStoreException",
    "57P02, 0, TransientStoreException",
    "57P03, 0, TransientStoreException",
    "57014, 0, StoreException",
  })
  void codesADatabaseReportsItsOwnWayAreJudgedByItsDialect(
      String state, int code, String expected) {
    SQLException cause = new SQLException("boom", state, code);

    assertThat(SqlErrors.translate("link Book.articles", cause).getClass().getSimpleName())
        .isEqualTo(expected);
  }

  @Test
  void aMariaDbDuplicateKeyOfAJunctionUpsertIsTransientButItsForeignKeyFailureAConflict() {
    assertThat(
            SqlErrors.translateUpsert(
                "link Book.articles", new SQLException("Duplicate entry", "23000", 1062)))
        .isInstanceOf(TransientStoreException.class);
    assertThat(
            SqlErrors.translateUpsert(
                "link Book.articles", new SQLException("Cannot add or update", "23000", 1452)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aBatchFailureIsJudgedByItsNextException() {
    BatchUpdateException batch =
        new BatchUpdateException("batch entry 2 failed", null, 0, new int[0], null);
    batch.setNextException(new SQLException("duplicate key", "23505"));

    LiaisonException e = SqlErrors.translate("insert Book", batch);

    assertThat(e)
        .isInstanceOf(ConflictException.class)
        .hasCause(batch)
        .hasMessageContaining("duplicate key");
  }

  @Test
  void aUniqueViolationOfAJunctionUpsertIsTransient() {
    BatchUpdateException batch =
        new BatchUpdateException("batch entry 0 failed", null, 0, new int[0], null);
    batch.setNextException(new SQLException("duplicate key", "23505"));

    LiaisonException e = SqlErrors.translateUpsert("link Book.articles", batch);

    assertThat(e)
        .isInstanceOf(TransientStoreException.class)
        .hasCause(batch)
        .hasMessageContaining("concurrent transaction")
        .hasMessageContaining("duplicate key");
  }

  @Test
  void otherFailuresOfAJunctionUpsertAreTranslatedAsAnyOther() {
    assertThat(
            SqlErrors.translateUpsert(
                "link Book.articles", new SQLException("no such book", "23503")))
        .isInstanceOf(ConflictException.class);
    assertThat(SqlErrors.translateUpsert("link Book.articles", new SQLException("odd")))
        .isExactlyInstanceOf(StoreException.class);
  }

  @Test
  void h2sTransactionIdStillInUseIsTransientButOtherGeneralErrorsAreNot() {
    SQLException idInUse =
        org.h2.message.DbException.getJdbcSQLException(
            org.h2.api.ErrorCode.GENERAL_ERROR_1,
            null,
            "An old transaction with the same id is still open: 3 [2.3.232/102]");
    SQLException other =
        org.h2.message.DbException.getJdbcSQLException(
            org.h2.api.ErrorCode.GENERAL_ERROR_1, null, "Chunk 7 not found [2.3.232/9]");

    assertThat(SqlErrors.translate("set Book.articles", idInUse))
        .isInstanceOf(TransientStoreException.class);
    assertThat(SqlErrors.translate("set Book.articles", other))
        .isExactlyInstanceOf(StoreException.class);
  }

  @Test
  void aPoolTimeoutIsTransient() {
    assertThat(SqlErrors.translate("begin", new SQLTransientConnectionException("pool exhausted")))
        .isInstanceOf(TransientStoreException.class);
  }

  @Test
  void anythingElseIsAStoreException() {
    LiaisonException e = SqlErrors.translate("sync", new SQLException("odd"));
    assertThat(e).isExactlyInstanceOf(StoreException.class);
  }
}
