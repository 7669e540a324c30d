package org.healthcrm.compliance.ui;

import java.util.List;
import java.util.Map;

import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.ui.ScreenSupport;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A table loaded a page at a time, counted with the same criteria. Criteria were checked when the search was made;
 * should a page fail here (one too deep in the trail), the table is empty and says why.
 */
abstract class LazyRows<T> extends LazyDataModel<T> {

    protected abstract long total();

    protected abstract List<T> rows(int first, int size);

    protected abstract String key(T row);

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            return (int) Math.min(Integer.MAX_VALUE, total());
        } catch (InvalidInputException e) {
            return 0;
        }
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        try {
            return rows(first, pageSize);
        } catch (InvalidInputException e) {
            ScreenSupport.error("Narrow the search", e.getMessage());
            return List.of();
        }
    }

    @Override
    public String getRowKey(T row) {
        return key(row);
    }
}
