package org.healthcrm.forms.registry;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface FormVersionRepository extends JpaRepository<FormVersion, Long> {

    Optional<FormVersion> findTopByFormKeyOrderByVersionDesc(String formKey);

    Optional<FormVersion> findByFormKeyAndVersion(String formKey, int version);
}
