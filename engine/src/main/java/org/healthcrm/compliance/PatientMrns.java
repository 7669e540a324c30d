package org.healthcrm.compliance;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Component;

/**
 * The audit trail names patients by internal id, people know them by MRN: both directions, reading only the id and
 * the MRN (no encrypted column is read, so this is not a read of the patient's record).
 */
@Component
class PatientMrns {

    @PersistenceContext
    private EntityManager entityManager;

    Optional<Long> idOf(String mrn) {
        List<Long> ids = entityManager.createQuery("select p.id from Patient p where p.mrn = :mrn", Long.class)
                .setParameter("mrn", mrn).getResultList();
        return ids.stream().findFirst();
    }

    Map<Long, String> of(Collection<Long> ids) {
        Map<Long, String> mrns = new HashMap<>();
        if (ids.isEmpty()) {
            return mrns;
        }
        entityManager.createQuery("select p.id, p.mrn from Patient p where p.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> mrns.put((Long) row[0], (String) row[1]));
        return mrns;
    }

    String of(Long id) {
        return id == null ? null : of(List.of(id)).get(id);
    }
}
