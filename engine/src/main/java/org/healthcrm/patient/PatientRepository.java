package org.healthcrm.patient;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PatientRepository extends JpaRepository<Patient, Long> {

    Optional<Patient> findByMrn(String mrn);

    List<Patient> findByIdIn(Collection<Long> ids);

    /** MRN exactly, or the start of the family name (case-insensitive), for the inbox's patient filter. */
    @Query("select p.id from Patient p where p.mrn = :text or lower(p.familyName) like lower(concat(:text, '%'))")
    List<Long> findIdsByMrnOrFamilyNamePrefix(@Param("text") String text);
}
