package org.healthcrm.ehr.sandbox;

import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resources of one type in memory: ids assigned by the server, a version per update, copies in and out (so callers
 * never share an instance with the store), except for what a transaction hands over ({@link #adopt}).
 */
final class SandboxStore<T extends Resource> {

    private final String type;
    private final Map<String, T> resources = new ConcurrentHashMap<>();
    /** Search key (see {@link #keysOf}) to the ids of the resources that have it: what a real server's indexes do. */
    private final Map<String, Set<String>> index = new ConcurrentHashMap<>();
    private final AtomicLong lastId;

    SandboxStore(String type, long firstId) {
        this.type = type;
        this.lastId = new AtomicLong(firstId - 1);
    }

    T create(T resource) {
        String id = nextId();
        T stored = stamp(resource, id, 1);
        resources.put(id, stored);
        indexed(id, null, stored);
        return copy(stored);
    }

    /** An id for a resource to be stored with {@link #adopt}. */
    String nextId() {
        return Long.toString(lastId.incrementAndGet());
    }

    /**
     * Stores a resource the caller hands over and no longer touches (one parsed from a request for this purpose):
     * stamped in place, without the copies in and out, which for a document meant encoding and decoding its
     * attachment each time.
     */
    void adopt(String id, T resource) {
        stamped(resource, id, 1);
        resources.put(id, resource);
        indexed(id, null, resource);
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
            T stamped = stamp(resource, id, version);
            indexed(id, current, stamped);
            return stamped;
        });
        return copy(updated);
    }

    /** Every resource that {@code filter} accepts, by id (a scan of the whole store). */
    List<T> find(Predicate<T> filter) {
        return sorted(resources.values().stream().filter(filter));
    }

    /** The resources with the search key (see {@link #keysOf}) that {@code filter} accepts, by id. */
    List<T> find(String key, Predicate<T> filter) {
        return sorted(index.getOrDefault(key, Set.of()).stream().map(resources::get).filter(Objects::nonNull)
                .filter(filter));
    }

    private List<T> sorted(Stream<T> found) {
        return found.sorted(Comparator.comparingLong(r -> Long.parseLong(r.getIdElement().getIdPart())))
                .map(this::copy).toList();
    }

    /**
     * The keys a resource is found by: {@code identifier=system|value} for each identifier,
     * {@code patient=Patient/id} for the patient it is about (Coverage.beneficiary, Consent.patient,
     * DocumentReference.subject) and {@code birthdate=yyyy-mm-dd} for a patient.
     */
    static Set<String> keysOf(Resource resource) {
        Set<String> keys = new HashSet<>();
        Property identifiers = resource.getNamedProperty("identifier");
        if (identifiers != null) {
            for (Base value : identifiers.getValues()) {
                Identifier identifier = (Identifier) value;
                keys.add(identifierKey(identifier.getSystem(), identifier.getValue()));
            }
        }
        Reference about = resource instanceof Coverage coverage ? coverage.getBeneficiary()
                : resource instanceof Consent consent ? consent.getPatient()
                : resource instanceof DocumentReference document ? document.getSubject() : null;
        if (about != null && about.hasReference()) {
            keys.add(patientKey(new IdType(about.getReference()).getIdPart()));
        }
        if (resource instanceof Patient patient && patient.hasBirthDate()) {
            keys.add(birthDateKey(patient.getBirthDateElement().getValueAsString()));
        }
        return keys;
    }

    static String identifierKey(String system, String value) {
        return "identifier=" + system + "|" + value;
    }

    static String patientKey(String patientId) {
        return "patient=Patient/" + patientId;
    }

    static String birthDateKey(String day) {
        return "birthdate=" + day;
    }

    private void indexed(String id, T before, T after) {
        if (before != null) {
            keysOf(before).forEach(key -> index.computeIfPresent(key, (k, ids) -> {
                ids.remove(id);
                return ids.isEmpty() ? null : ids;
            }));
        }
        keysOf(after).forEach(key -> index.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(id));
    }

    void clear() {
        resources.clear();
        index.clear();
    }

    int size() {
        return resources.size();
    }

    private T stamp(T resource, String id, long version) {
        return stamped(copy(resource), id, version);
    }

    private T stamped(T resource, String id, long version) {
        resource.setId(new IdType(type, id, Long.toString(version)));
        resource.getMeta().setVersionId(Long.toString(version)).setLastUpdated(new Date());
        return resource;
    }

    @SuppressWarnings("unchecked")
    private T copy(T resource) {
        return (T) resource.copy();
    }
}
