package dev.twilioconnector.sql;

import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Field;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One entity as a table: its columns are the fields its records carry (and its parent keys), a scan runs the
 * entity's List with the conditions Twilio evaluates, reading pages as rows are pulled. Calcite evaluates every
 * condition again on the rows (none is taken from its list), and does all the rest: LIKE, OR, ORDER BY, GROUP BY,
 * joins.
 */
final class EntityTable extends AbstractTable implements ProjectableFilterableTable {

    private final Entity entity;
    private final List<Column> columns;
    private final ListPages pages;

    EntityTable(Entity entity, ListPages pages) {
        this.entity = entity;
        this.pages = pages;
        this.columns = columnsOf(entity);
    }

    private static List<Column> columnsOf(Entity entity) {
        List<Column> columns = new ArrayList<>();
        for (Field field : entity.fields()) {
            if (field.returned() || entity.parentKeys().contains(field.name())) {
                columns.add(Column.of(field));
            }
        }
        for (String parentKey : entity.parentKeys()) {
            if (entity.field(parentKey).isEmpty()) {
                columns.add(Column.parentKey(parentKey));
            }
        }
        return List.copyOf(columns);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory types) {
        RelDataTypeFactory.Builder row = types.builder();
        columns.forEach(column -> row.add(column.name(), column.relType(types)));
        return row.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
        String clause = new TwilioPushdown(entity, columns, index -> root.get("?" + index)).clause(filters);
        int[] wanted = projects == null ? IntStream.range(0, columns.size()).toArray() : projects;
        List<Column> projected = IntStream.of(wanted).mapToObj(columns::get).toList();
        return new PagedRows(entity, clause, projected, pages, DataContext.Variable.CANCEL_FLAG.get(root));
    }

    @Override
    public String toString() {
        return "EntityTable(" + entity.name() + ")";
    }
}
