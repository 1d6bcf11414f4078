package io.liaison.spi;

import io.liaison.ReferentialAction;

/**
 * One foreign key to enforce: {@code holderTable.column} references {@code
 * referencedTable.referencedColumn}. SQL adapters create it as a constraint; graph adapters emulate
 * its actions on delete.
 *
 * @param holderTable the table holding the key (a model's or a junction's)
 * @param column the key column
 * @param referencedModel the referenced model's name
 * @param referencedTable the referenced table
 * @param referencedColumn the referenced column (id or a unique key)
 * @param onDelete the action on delete of the referenced row
 * @param onUpdate the action on update of the referenced key
 */
public record ForeignKeyInfo(
    String holderTable,
    String column,
    String referencedModel,
    String referencedTable,
    String referencedColumn,
    ReferentialAction onDelete,
    ReferentialAction onUpdate) {}
