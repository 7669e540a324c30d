package org.healthcrm.ehr.sandbox;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resources of one type in memory: ids assigned by the server, a version per update, copies in and out (so callers
 * never share an instance with the store).
 */
final class SandboxStore<T extends Resource> {

    private final String type;
    private final Map<String, T> resources = new ConcurrentHashMap<>();
    private final AtomicLong lastId;

    SandboxStore(String type, long firstId) {
        this.type = type;
        this.lastId = new AtomicLong(firstId - 1);
    }

    T create(T resource) {
        return createAs(nextId(), resource);
    }

    /** An id for a resource to be created with {@link #createAs}. */
    String nextId() {
        return Long.toString(lastId.incrementAndGet());
    }

    T createAs(String id, T resource) {
        T stored = stamp(resource, id, 1);
        resources.put(id, stored);
        return copy(stored);
    }

    String type() {
        return type;
    }

    Optional<T> read(String id) {
        return Optional.ofNullable(resources.get(id)).map(this::copy);
    }

    T update(String id, T resource) {
        T updated = resources.compute(id, (key, current) -> {
            if (current == null) {
                throw new ResourceNotFoundException(new IdType(type, id));
            }
            long version = Long.parseLong(current.getMeta().getVersionId()) + 1;
            return stamp(resource, id, version);
        });
        return copy(updated);
    }

    List<T> find(Predicate<T> filter) {
        return resources.values().stream().filter(filter)
                .sorted(Comparator.comparingLong(r -> Long.parseLong(r.getIdElement().getIdPart())))
                .map(this::copy).toList();
    }

    int size() {
        return resources.size();
    }

    private T stamp(T resource, String id, long version) {
        T stored = copy(resource);
        stored.setId(new IdType(type, id, Long.toString(version)));
        stored.getMeta().setVersionId(Long.toString(version)).setLastUpdated(new Date());
        return stored;
    }

    @SuppressWarnings("unchecked")
    private T copy(T resource) {
        return (T) resource.copy();
    }
}
