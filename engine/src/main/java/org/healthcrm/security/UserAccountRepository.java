package org.healthcrm.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<UserAccount> findAllByOrderByUsernameAsc();

    @Query("select count(u) > 0 from UserAccount u join u.roles r where r = :role and u.active = true")
    boolean existsActiveWithRole(@Param("role") Role role);
}
