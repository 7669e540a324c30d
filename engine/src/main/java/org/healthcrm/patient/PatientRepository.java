package org.healthcrm.patient;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Patients by id, MRN or keyed search hash; the columns themselves are ciphertext and cannot be searched. */
public interface PatientRepository extends JpaRepository<Patient, Long> {

    Optional<Patient> findByMrn(String mrn);

    Optional<Patient> findByEhrPatientId(String ehrPatientId);

    List<Patient> findByIdIn(Collection<Long> ids);

    /**
     * Search by any combination of criteria; a null criterion is not applied. {@code nameHash} matches a given or
     * family name; {@code otherNameHash} (a second word of the query) must then match the other one.
     */
    @Query("""
            select p from Patient p
            where (:mrn is null or p.mrn = :mrn)
              and (:nameHash is null
                   or (:otherNameHash is null and (p.familyNameHash = :nameHash or p.givenNameHash = :nameHash))
                   or (p.givenNameHash = :nameHash and p.familyNameHash = :otherNameHash)
                   or (p.familyNameHash = :nameHash and p.givenNameHash = :otherNameHash))
              and (:birthDateHash is null or p.birthDateHash = :birthDateHash)
              and (:phoneHash is null or p.phoneHash = :phoneHash)
            order by p.id desc""")
    List<Patient> search(@Param("mrn") String mrn, @Param("nameHash") String nameHash,
                         @Param("otherNameHash") String otherNameHash, @Param("birthDateHash") String birthDateHash,
                         @Param("phoneHash") String phoneHash, Pageable page);

    /** Same family and given name and birth date, or same phone: likely the same person. */
    @Query("""
            select p from Patient p
            where (p.familyNameHash = :familyNameHash and p.givenNameHash = :givenNameHash
                   and p.birthDateHash = :birthDateHash)
               or (:phoneHash is not null and p.phoneHash = :phoneHash)
            order by p.id""")
    List<Patient> likelyDuplicates(@Param("givenNameHash") String givenNameHash,
                                   @Param("familyNameHash") String familyNameHash,
                                   @Param("birthDateHash") String birthDateHash, @Param("phoneHash") String phoneHash);

    /** MRN exactly, or a family name (any case and accents), for the inbox's patient filter. */
    @Query("select p.id from Patient p where p.mrn = :mrn or p.familyNameHash = :familyNameHash")
    List<Long> findIdsByMrnOrFamilyName(@Param("mrn") String mrn, @Param("familyNameHash") String familyNameHash);

    /**
     * Records the EHR's id of the patient without loading the record (and so without decrypting it): one statement,
     * which bumps the version as an edit through the entity would, so a concurrent edit fails instead of overwriting
     * the link (the caller's persistence context is flushed first and not cleared: a copy of the patient it still
     * holds is stale, and fails the same way if changed). The number of rows changed (0: no such patient).
     */
    @Modifying(flushAutomatically = true)
    @Query("update versioned Patient p set p.ehrPatientId = :ehrId where p.id = :id")
    int linkToEhr(@Param("id") long id, @Param("ehrId") String ehrId);

    @Query(value = "select nextval(patient_mrn_seq)", nativeQuery = true)
    long nextMrnNumber();
}
