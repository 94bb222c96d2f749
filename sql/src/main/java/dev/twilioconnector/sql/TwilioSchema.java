package dev.twilioconnector.sql;

import dev.twilioconnector.catalog.Catalog;
import dev.twilioconnector.catalog.Entity;
import dev.twilioconnector.catalog.Operation;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/** The catalog's entities that can be listed, as tables named after them ({@code Messages}, {@code Calls}, ...). */
public final class TwilioSchema extends AbstractSchema {

    private final Map<String, Table> tables;

    public TwilioSchema(Catalog catalog, ListPages pages) {
        Map<String, Table> byName = new LinkedHashMap<>();
        for (Entity entity : catalog.entities()) {
            if (entity.allows(Operation.LIST)) {
                byName.put(entity.name(), new EntityTable(entity, pages));
            }
        }
        this.tables = Map.copyOf(byName);
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
