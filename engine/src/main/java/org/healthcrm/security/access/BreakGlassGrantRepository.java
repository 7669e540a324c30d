package org.healthcrm.security.access;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface BreakGlassGrantRepository extends JpaRepository<BreakGlassGrant, Long> {

    List<BreakGlassGrant> findByUsernameAndPatientIdAndExpiresAtAfterOrderByExpiresAtDesc(String username,
                                                                                         Long patientId, Instant now);

    List<BreakGlassGrant> findByReviewedAtIsNullOrderByGrantedAtAsc(Pageable page);

    long countByReviewedAtIsNull();
}
